/**
 * The page shell: layout, navigation, language switch, home page and page error handling.
 */
@cn.huoxian.shared.OwnsTables({ "health_probe" })
@org.springframework.modulith.ApplicationModule(displayName = "Web shell")
package cn.huoxian.web;

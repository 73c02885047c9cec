/**
 * The page shell: layout, navigation, language switch, home page and page error handling.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web shell")
package cn.huoxian.web;

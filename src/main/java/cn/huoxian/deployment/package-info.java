/**
 * Deployment: cadres at their posts (one cadre, one position), the maintained headline
 * tally and the deployment network's headline figures, and the deployment start page.
 */
@cn.huoxian.shared.OwnsTables({ "deployment", "front_line_tally" })
@org.springframework.modulith.ApplicationModule(displayName = "Deployment")
package cn.huoxian.deployment;

/**
 * Home isolation and medical observation: cases with their period rules, the daily
 * contact due every business day, needs delivered, and release.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Isolation")
package cn.huoxian.isolation;

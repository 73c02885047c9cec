/**
 * Home isolation and medical observation: cases with their period rules, the daily
 * contact due every business day, needs delivered, and release.
 */
@cn.huoxian.shared.OwnsTables({ "isolation_case", "isolation_responsible", "isolation_contact", "isolation_need" })
@org.springframework.modulith.ApplicationModule(displayName = "Isolation")
package cn.huoxian.isolation;

/**
 * Household links (党员联户, 1+10): each party member looks after up to ten households near
 * them, with the link ledger.
 */
@cn.huoxian.shared.OwnsTables({ "household_link" })
@org.springframework.modulith.ApplicationModule(displayName = "Household links")
package cn.huoxian.householdlink;

/**
 * Household links (党员联户, 1+10): each party member looks after up to ten households near
 * them, with the link ledger.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Household links")
package cn.huoxian.householdlink;

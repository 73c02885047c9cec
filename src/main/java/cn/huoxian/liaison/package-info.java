/**
 * Liaison: liaison groups of cadres for communities, unit-community pairings (五个一) with
 * their shortages, and the pairing ledger.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Liaison")
package cn.huoxian.liaison;

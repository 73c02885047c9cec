/**
 * Liaison: liaison groups of cadres for communities, unit-community pairings (五个一) with
 * their shortages, and the pairing ledger.
 */
@cn.huoxian.shared.OwnsTables({ "liaison_group", "liaison_group_member", "liaison_group_community", "pairing",
		"pairing_team_member", "pairing_log", "shortage" })
@org.springframework.modulith.ApplicationModule(displayName = "Liaison")
package cn.huoxian.liaison;

/**
 * The deployment network: cadres at their posts (one cadre, one position), liaison groups
 * and unit-community pairings (五个一) with their shortages, four-looks inspections and
 * rectifications, party members at the front (temporary organisations, commando teams,
 * zones, model posts, battle requests, 1+10 household links, claimed posts) and first
 * secretaries back in their villages.
 */
@cn.huoxian.shared.OwnsTables({ "commando_team", "commando_member", "commando_task", "deployment", "liaison_group",
		"liaison_group_member", "liaison_group_community", "pairing", "pairing_team_member", "pairing_log", "shortage",
		"inspection", "inspection_look", "rectification", "temporary_organisation_member", "responsibility_zone",
		"model_post", "battle_request", "household_link", "claimed_post", "first_secretary_return",
		"first_secretary_log", "support_request", "front_line_tally" })
@org.springframework.modulith.ApplicationModule(displayName = "Deployment")
package cn.huoxian.deployment;

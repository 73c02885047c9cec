/**
 * Deployment: cadres at their posts (one cadre, one position), the maintained headline
 * tally and the deployment network's headline figures, and the deployment start page.
 */
@cn.huoxian.shared.OwnsTables({ "commando_team", "commando_member", "commando_task", "deployment", "liaison_group",
		"liaison_group_member", "liaison_group_community", "pairing", "pairing_team_member", "pairing_log", "shortage",
		"inspection", "inspection_look", "rectification", "temporary_organisation_member", "responsibility_zone",
		"model_post", "battle_request", "household_link", "claimed_post", "first_secretary_return",
		"first_secretary_log", "support_request", "front_line_tally" })
@org.springframework.modulith.ApplicationModule(displayName = "Deployment")
package cn.huoxian.deployment;

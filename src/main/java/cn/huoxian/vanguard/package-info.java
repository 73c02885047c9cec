/**
 * Party members at the front: temporary party organisations' members, commando teams with
 * their tasks and ledger, responsibility zones, model posts, claimed posts and battle
 * requests.
 */
@cn.huoxian.shared.OwnsTables({ "commando_team", "commando_member", "commando_task", "temporary_organisation_member",
		"responsibility_zone", "model_post", "battle_request", "claimed_post" })
@org.springframework.modulith.ApplicationModule(displayName = "Vanguard")
package cn.huoxian.vanguard;

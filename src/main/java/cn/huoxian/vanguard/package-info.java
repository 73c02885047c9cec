/**
 * Party members at the front: temporary party organisations' members, commando teams with
 * their tasks and ledger, responsibility zones, model posts, claimed posts and battle
 * requests.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Vanguard")
package cn.huoxian.vanguard;

package cn.huoxian.deployment;

/** Where a battle request stands: submitted, then accepted or declined once. */
public enum BattleRequestStatus {

	SUBMITTED, ACCEPTED, DECLINED

}

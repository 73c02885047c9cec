package cn.huoxian.vanguard;

/** Where a battle request stands: submitted, then accepted or declined once. */
public enum BattleRequestStatus {

	SUBMITTED, ACCEPTED, DECLINED

}

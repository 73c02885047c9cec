package cn.huoxian.record;

/** What an assessment recommends: 提拔使用, 重用, 表彰, 提醒谈话, 诫勉. */
public enum Recommendation {

	PROMOTE, REUSE, COMMEND, REMINDER_TALK, ADMONISH

}

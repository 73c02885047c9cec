package cn.huoxian.record;

/** What an entry of the performance record is; each kind is also a counted figure. */
public enum EntryKind {

	/** 到岗: took up a position. */
	DEPLOYMENT_STARTED,
	/** 离岗: a position ended. */
	DEPLOYMENT_ENDED,
	/** 下沉督导: made an inspection. */
	INSPECTION_MADE,
	/** 整改销号: closed a rectification they owned. */
	RECTIFICATION_CLOSED,
	/** 入户排查: made a screening visit. */
	VISIT_MADE,
	/** 隔离联系: made a daily isolation contact. */
	ISOLATION_CONTACT,
	/** 送达需求: delivered an isolated person's need. */
	NEED_DELIVERED,
	/** 请战: a battle request was accepted. */
	BATTLE_REQUEST_ACCEPTED,
	/** 加入突击队. */
	TEAM_JOINED,
	/**
	 * 解决社区短缺: resolved a paired community's shortage (as the pairing's responsible
	 * person).
	 */
	SHORTAGE_RESOLVED,
	/** 第一书记返岗. */
	FIRST_SECRETARY_RETURNED,
	/** 问责. */
	ACCOUNTABILITY,
	/** 纪实: a work log entry. */
	WORK_LOG,
	/** 卡口值勤: served a checkpoint shift to its end (the duty log closed). */
	SHIFT_COMPLETED,
	/** 志愿服务: service hours a community confirmed (双报到). */
	SERVICE_HOURS

}

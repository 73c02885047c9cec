/**
 * The performance record (实绩纪实) and assessment (考察识别): every piece of a cadre's or party
 * member's work that another module records arrives here as an event and becomes one
 * entry linked to its source; accountability, the daily work log with witnesses, and
 * assessment rounds.
 */
@cn.huoxian.shared.OwnsTables({ "record_entry", "record_figure", "accountability", "work_log", "work_log_witness",
		"assessment_round", "assessment_cadre", "assessment_change", "record_inbox", "record_control",
		"record_person_week", "record_week_tally" })
@org.springframework.modulith.ApplicationModule(displayName = "Performance record")
package cn.huoxian.record;

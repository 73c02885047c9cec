/**
 * Screening (摸底排查): campaigns, door-to-door visits, live coverage counters at every
 * level, blind spots, and residents flagged for follow-up.
 */
@cn.huoxian.shared.OwnsTables({ "screening_campaign", "screening_counter", "screening_visit",
		"screening_visit_resident", "screening_household", "screening_flag", "screening_target",
		"screening_day_start" })
@org.springframework.modulith.ApplicationModule(displayName = "Screening")
package cn.huoxian.screening;

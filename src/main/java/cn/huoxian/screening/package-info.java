/**
 * Screening (摸底排查): campaigns, door-to-door visits, live coverage counters at every
 * level, blind spots, and residents flagged for follow-up.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Screening")
package cn.huoxian.screening;

/**
 * 双报到 volunteer service (issue 16): units' party organisations reporting in to
 * communities (the community's receipt); in-service party members registering with the
 * community where they live (six months at a time); needs the community publishes in the
 * eight kinds of work, claimed by registered members (never more than the people asked
 * for); attendance and hours confirmed by the community
 * ({@link cn.huoxian.volunteer.ServiceHoursConfirmed}: into the performance record), and
 * the service record read back by the member's own unit.
 */
@cn.huoxian.shared.OwnsTables({ "volunteer_unit_report", "volunteer_registration", "volunteer_need",
		"volunteer_claim" })
@org.springframework.modulith.ApplicationModule(displayName = "Volunteer")
package cn.huoxian.volunteer;

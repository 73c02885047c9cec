/**
 * Reporting: the headline figures of a region, collected from every module that
 * contributes them ({@link cn.huoxian.shared.HeadlineFigures}), and the daily situation
 * reports of villages and communities (情况报送) with their roll-up level by level, their
 * figures prefilled by the modules ({@link cn.huoxian.shared.DailyReportFigures}).
 */
@cn.huoxian.shared.OwnsTables({ "daily_report", "daily_report_figure", "daily_report_change", "daily_report_tally",
		"daily_figure" })
@org.springframework.modulith.ApplicationModule(displayName = "Reporting")
package cn.huoxian.reporting;

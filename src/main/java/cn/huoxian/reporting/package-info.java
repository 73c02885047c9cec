/**
 * Reporting: the headline figures of a region, collected from every module that
 * contributes them ({@link cn.huoxian.shared.HeadlineFigures}). Daily situation reports,
 * roll-ups and dashboards will live here too.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reporting")
package cn.huoxian.reporting;

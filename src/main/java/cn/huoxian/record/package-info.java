/**
 * The performance record (实绩纪实) and assessment (考察识别): every piece of a cadre's or party
 * member's work that another module records arrives here as an event and becomes one
 * entry linked to its source; accountability, the daily work log with witnesses, and
 * assessment rounds.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Performance record")
package cn.huoxian.record;

/**
 * Checkpoints and duty rosters (卡口值勤, issue 16). So far the roster engine: shifts, who is
 * on each, the rules every change is checked against (nobody in two places at once, eight
 * hours' rest, a weekly cap, no shift taken below its minimum) and the generation of a
 * period's roster from the staff of the checkpoints' units. Checkpoints, stored rosters,
 * duty logs, pages and API come next.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Duty")
package cn.huoxian.duty;

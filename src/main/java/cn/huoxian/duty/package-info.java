/**
 * Checkpoints and duty rosters (卡口值勤, issue 16): checkpoints with their staffing
 * departments and shift template; a week's roster made from the template and filled from
 * the departments' cadres; every change (assign, remove, replace, swap) checked by the
 * roster engine against the rules (nobody in two places at once, eight hours' rest, a
 * weekly cap, no shift below its minimum); duty logs, whose closing completes a shift
 * ({@link cn.huoxian.duty.ShiftCompleted}: into the performance record and the daily
 * report).
 */
@cn.huoxian.shared.OwnsTables({ "checkpoint", "checkpoint_unit", "duty_shift", "duty_assignment", "duty_log",
		"duty_swap" })
@org.springframework.modulith.ApplicationModule(displayName = "Duty")
package cn.huoxian.duty;

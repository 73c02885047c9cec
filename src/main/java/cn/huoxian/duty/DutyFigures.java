package cn.huoxian.duty;

import static cn.huoxian.db.Tables.DUTY_ASSIGNMENT;
import static cn.huoxian.db.Tables.DUTY_LOG;
import static cn.huoxian.db.Tables.DUTY_SHIFT;

import java.time.LocalDate;
import java.util.Map;

import cn.huoxian.shared.DailyReportFigures;
import cn.huoxian.shared.DataScope;
import cn.huoxian.shared.HeadlineFigures;
import cn.huoxian.shared.RegionPath;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Checkpoint duty in the headline and in a community's daily report, counted from the
 * shifts, their staff and their logs (indexed by path and day).
 */
final class DutyFigures {

	private DutyFigures() {
	}

	/**
	 * {@code checkpointsStaffed}: checkpoints with shifts on the day, none short of its
	 * minimum; {@code shiftsToday}: the day's shifts.
	 */
	@Component
	@Order(40)
	static class Headline implements HeadlineFigures {

		private final DSLContext db;

		Headline(DSLContext db) {
			this.db = db;
		}

		@Override
		public void addTo(Map<String, Object> figures, RegionPath regionPath, LocalDate day) {
			var staff = DSL.selectCount()
				.from(DUTY_ASSIGNMENT)
				.where(DUTY_ASSIGNMENT.SHIFT_ID.eq(DUTY_SHIFT.ID))
				.asField();
			// one row: the day's shifts, their checkpoints, and those with a shift short
			var counts = db
				.select(DSL.count(), DSL.countDistinct(DUTY_SHIFT.CHECKPOINT_ID),
						DSL.countDistinct(DSL.when(staff.lt(DUTY_SHIFT.MIN_STAFF), DUTY_SHIFT.CHECKPOINT_ID)))
				.from(DUTY_SHIFT)
				.where(DataScope.under(DUTY_SHIFT.PATH, regionPath), DUTY_SHIFT.SHIFT_DAY.eq(day))
				.fetchOne();
			figures.put("checkpointsStaffed", (long) counts.value2() - counts.value3());
			figures.put("shiftsToday", (long) counts.value1());
		}

	}

	/**
	 * The day's shifts completed at checkpoints in the community, and their passages
	 * (vehicles and people) and people turned back.
	 */
	@Component
	@Order(40)
	static class Report implements DailyReportFigures {

		private final DSLContext db;

		Report(DSLContext db) {
			this.db = db;
		}

		@Override
		public java.util.List<String> shownIn(RegionPath region) {
			return java.util.List.of("shiftsCompleted", "checkpointPassages", "checkpointTurnedBack");
		}

		@Override
		public void addTo(Map<String, Long> figures, RegionPath community, LocalDate day) {
			var sums = db
				.select(DSL.count(DUTY_LOG.SHIFT_ID), DSL.coalesce(DSL.sum(DUTY_LOG.VEHICLES.plus(DUTY_LOG.PEOPLE)), 0),
						DSL.coalesce(DSL.sum(DUTY_LOG.TURNED_BACK), 0))
				.from(DUTY_SHIFT)
				.join(DUTY_LOG)
				.on(DUTY_LOG.SHIFT_ID.eq(DUTY_SHIFT.ID))
				.where(DataScope.under(DUTY_SHIFT.PATH, community), DUTY_SHIFT.SHIFT_DAY.eq(day),
						DUTY_SHIFT.COMPLETED_AT.isNotNull())
				.fetchOne();
			figures.put("shiftsCompleted", sums.value1().longValue());
			figures.put("checkpointPassages", ((Number) sums.value2()).longValue());
			figures.put("checkpointTurnedBack", ((Number) sums.value3()).longValue());
		}

	}

}

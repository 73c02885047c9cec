package cn.huoxian.record;

import static cn.huoxian.db.Tables.RECORD_ENTRY;
import static cn.huoxian.db.Tables.RECORD_PERSON_WEEK;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import cn.huoxian.org.RegionView;
import cn.huoxian.org.Units;
import cn.huoxian.people.CadreRank;
import cn.huoxian.people.People;
import cn.huoxian.shared.BusinessDay;
import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.Messages;
import cn.huoxian.shared.NotFoundException;
import cn.huoxian.shared.PageResult;
import cn.huoxian.shared.RegionPath;
import jakarta.annotation.Nullable;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The cadres under a region without any record entry in a week (ADR 39): for the
 * organisation department, who asks why. The home page counts them from the region's
 * maintained cadres and the record's weekly tally; the list names them, in the order of
 * their place.
 */
@Service
public class QuietCadres {

	private final DSLContext db;

	private final RecordWeeks weeks;

	private final Units units;

	QuietCadres(DSLContext db, RecordWeeks weeks, Units units) {
		this.db = db;
		this.weeks = weeks;
		this.units = units;
	}

	/** The Monday of a day's week: weeks are ISO weeks of the business day. */
	public static LocalDate weekOf(LocalDate day) {
		return RecordWeeks.weekOf(day);
	}

	/**
	 * A cadre without an entry this week, with the day of their latest entry (if any).
	 */
	public record QuietCadre(long personId, String name, @Nullable CadreRank rank, @Nullable String position,
			@Nullable String unitName, String regionCode, @Nullable LocalDate lastEntryDay) {
	}

	/**
	 * How many cadres at and below the region have no entry in the week of this day, from
	 * the counters (the region's cadres less the week's tally). The tally counts a cadre
	 * where they lived at their week's first entry, so in the week someone moves the two
	 * regions' counts may be one apart; the list is exact.
	 */
	public long count(RegionView region, LocalDate day) {
		return Math.max(0, region.counts().cadres() - weeks.cadresAtWork(region.path(), day));
	}

	/**
	 * One page of the cadres at and below the region without an entry in the week of this
	 * day (404 for a user who may not read records there), total counted up to 1,000.
	 */
	@Transactional(readOnly = true)
	public PageResult<QuietCadre> page(RegionView region, LocalDate day, int page, int size, CurrentUser user) {
		PageResult.check(page, size);
		if (!user.mayReadRecords() || !user.scope().coversRegion(region.path())) {
			throw new NotFoundException(Messages.text("org.what.region", region.code()));
		}
		People.Cadres cadres = People.cadresUnder(region.path(), List.of());
		Condition quiet = DSL.notExists(DSL.selectOne()
			.from(RECORD_PERSON_WEEK)
			.where(RECORD_PERSON_WEEK.PERSON_ID.eq(cadres.personId()))
			.and(RECORD_PERSON_WEEK.WEEK_START.eq(RecordWeeks.weekOf(day))));
		var rows = db
			.select(cadres.personId(), cadres.name(), cadres.rank(), cadres.position(), cadres.unitId(), cadres.path())
			.from(cadres.table())
			.where(quiet)
			.orderBy(cadres.path(), cadres.name(), cadres.personId())
			.limit(size)
			.offset((long) page * size)
			.fetch();
		var units = this.units.names(rows.stream().map(r -> r.value5()).filter(java.util.Objects::nonNull).toList());
		List<QuietCadre> items = rows.stream()
			.map(r -> new QuietCadre(r.value1(), r.value2(), r.value3() == null ? null : CadreRank.valueOf(r.value3()),
					r.value4(), r.value5() == null ? null : units.get(r.value5()), new RegionPath(r.value6()).code(),
					lastEntryDay(r.value1())))
			.toList();
		return PageResult.bounded(items, page, size,
				limit -> db.fetchCount(DSL.selectOne().from(cadres.table()).where(quiet).limit(limit)));
	}

	/**
	 * The business day of the person's latest entry: one probe of their entries' index.
	 */
	private @Nullable LocalDate lastEntryDay(long personId) {
		OffsetDateTime latest = db.select(DSL.max(RECORD_ENTRY.OCCURRED_AT))
			.from(RECORD_ENTRY)
			.where(RECORD_ENTRY.PERSON_ID.eq(personId))
			.fetchOne(0, OffsetDateTime.class);
		return latest == null ? null : latest.atZoneSameInstant(BusinessDay.ZONE).toLocalDate();
	}

}

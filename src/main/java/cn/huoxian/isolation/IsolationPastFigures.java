package cn.huoxian.isolation;

import static cn.huoxian.db.Tables.ISOLATION_CASE;
import static cn.huoxian.db.Tables.ISOLATION_CONTACT;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import cn.huoxian.shared.BusinessDay;
import cn.huoxian.shared.DataScope;
import cn.huoxian.shared.PastFigures;
import cn.huoxian.shared.RegionPath;
import org.jooq.DSLContext;
import org.jooq.Record4;
import org.jooq.Result;
import org.springframework.stereotype.Component;

/**
 * People in isolation and those not reached by their daily contact at the end of past
 * days, recounted from the cases (their period and when they ended) and the contacts that
 * reached them: one read of each for all the days.
 */
@Component
class IsolationPastFigures implements PastFigures {

	private final DSLContext db;

	IsolationPastFigures(DSLContext db) {
		this.db = db;
	}

	@Override
	public Map<LocalDate, Map<String, Long>> asOf(RegionPath region, LocalDate from, LocalDate to) {
		Result<Record4<Long, LocalDate, LocalDate, OffsetDateTime>> cases = db
			.select(ISOLATION_CASE.ID, ISOLATION_CASE.START_DATE, ISOLATION_CASE.END_DATE, ISOLATION_CASE.ENDED_AT)
			.from(ISOLATION_CASE)
			.where(DataScope.under(ISOLATION_CASE.PATH, region))
			.and(ISOLATION_CASE.START_DATE.le(to))
			.and(ISOLATION_CASE.END_DATE.ge(from))
			.fetch();
		Set<String> reached = new HashSet<>();
		db.select(ISOLATION_CONTACT.CASE_ID, ISOLATION_CONTACT.BUSINESS_DAY)
			.from(ISOLATION_CONTACT)
			.join(ISOLATION_CASE)
			.on(ISOLATION_CASE.ID.eq(ISOLATION_CONTACT.CASE_ID))
			.where(DataScope.under(ISOLATION_CASE.PATH, region))
			.and(ISOLATION_CONTACT.REACHED.isTrue())
			.and(ISOLATION_CONTACT.BUSINESS_DAY.between(from, to))
			.forEach(r -> reached.add(r.value1() + "@" + r.value2()));
		Map<LocalDate, Map<String, Long>> days = new TreeMap<>();
		for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
			long active = 0;
			long overdue = 0;
			for (var c : cases) {
				// in isolation at the day's end: within its period, not ended that day or
				// before
				boolean in = !c.value2().isAfter(day) && !c.value3().isBefore(day)
						&& (c.value4() == null || BusinessDay.of(c.value4()).isAfter(day));
				if (in) {
					active++;
					if (!reached.contains(c.value1() + "@" + day)) {
						overdue++;
					}
				}
			}
			days.put(day, Map.of("isolation.figure.active", active, "isolation.figure.overdue", overdue));
		}
		return days;
	}

}

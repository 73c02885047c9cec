package cn.huoxian.isolation;

import static cn.huoxian.db.Tables.ISOLATION_CASE;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import cn.huoxian.people.People;
import cn.huoxian.shared.BusinessDay;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * For benchmarks only: tops a generated city up to a number of active isolation cases, in
 * bulk with plain SQL (PostgreSQL): every n-th person of the city (ids from people),
 * started 2–13 days before today on a 14-day home isolation, with one responsible cadre
 * and the daily contacts of the last three business days (Asia/Shanghai). By case id
 * modulo 10: 0 has no contact at all, 1 none today, 2 one today that did not reach the
 * person (these three are overdue today), the rest one that reached the person on each of
 * the three days. Each new case's last_reached_day is set from its contacts.
 */
@Component
public class BenchLoad {

	private static final Logger log = LoggerFactory.getLogger(BenchLoad.class);

	private static final String ACTIVE = "status in ('ACTIVE', 'EXTENDED')";

	private final DSLContext db;

	private final People people;

	BenchLoad(DSLContext db, People people) {
		this.db = db;
		this.people = people;
	}

	/** Adds cases until {@code wanted} are active (none when there are). */
	public void ensure(int wanted, LocalDate today) {
		long active = db.fetchCount(ISOLATION_CASE, DSL.condition(ACTIVE));
		if (active >= wanted) {
			log.info("{} active isolation cases: none added", active);
			return;
		}
		long start = System.nanoTime();
		long persons = people.count();
		long lastId = db.select(DSL.coalesce(DSL.max(ISOLATION_CASE.ID), 0L)).from(ISOLATION_CASE).fetchOne().value1();
		long step = Math.max(1, persons / (wanted - active));
		int cases = db.execute("""
				insert into isolation_case (person_id, path, case_type, reason, start_date, end_date,
				    planned_end, contact_time, status, created_by, active_person_id)
				select id, path, 'HOME_ISOLATION', 'CLOSE_CONTACT', s, s + 13, s + 13, '09:00', 'ACTIVE', 'bench', id
				from (select id, path, cast({0} as date) - cast(2 + mod(id, 12) as integer) s
				      from ({1}) p
				      where not exists (select 1 from isolation_case c where c.person_id = p.id and c.%s)
				      order by id limit {2}) x""".formatted(ACTIVE), DSL.val(today), People.everyNth(step),
				DSL.val(wanted - active));
		// the responsible cadre: the next resident (ids are dense within a household)
		db.execute("""
				insert into isolation_responsible (case_id, person_id)
				select c.id, c.person_id + 1 from isolation_case c
				where c.id > {0} and exists (select 1 from ({1}) p where p.id = c.person_id + 1)""", DSL.val(lastId),
				People.everyNth(1));
		int contacts = 0;
		for (int daysAgo = 0; daysAgo < 3; daysAgo++) {
			LocalDate day = today.minusDays(daysAgo);
			OffsetDateTime at = day.atTime(0, 5).atZone(BusinessDay.ZONE).toOffsetDateTime();
			contacts += db.execute("""
					insert into isolation_contact (case_id, business_day, contacted_at, channel, reached,
					    temperature, symptoms, recorded_by)
					select id, {0}, {1}, 'PHONE', mod(id, 10) <> 2 or {2} > 0, 36.5, false, 'bench'
					from isolation_case where id > {3} and mod(id, 10) > 0 and (mod(id, 10) <> 1 or {2} > 0)""",
					DSL.val(day), DSL.val(at), DSL.val(daysAgo), DSL.val(lastId));
		}
		// the latest day a contact reached the person, as Cases.contact keeps it
		db.execute("""
				update isolation_case c set last_reached_day = (select max(k.business_day) from isolation_contact k
				    where k.case_id = c.id and k.reached)
				where c.id > {0}""", DSL.val(lastId));
		// as autovacuum would: statistics, and the visibility map for index-only scans
		db.execute("vacuum analyze isolation_case, isolation_responsible, isolation_contact");
		log.info("Added {} active isolation cases (every {}th resident) and {} contacts in {} ms", cases, step,
				contacts, (System.nanoTime() - start) / 1_000_000);
	}

}

package cn.huoxian.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import javax.sql.DataSource;

import cn.huoxian.shared.BusinessDay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tops the generated city up to a number of active isolation cases, in bulk with plain
 * SQL (PostgreSQL): every n-th resident of the city, started 2–13 days before today on a
 * 14-day home isolation, with one responsible cadre and the daily contacts of the last
 * three business days (Asia/Shanghai). By case id modulo 10: 0 has no contact at all, 1
 * none today, 2 one today that did not reach the person (these three are overdue today),
 * the rest one that reached the person on each of the three days.
 */
final class IsolationLoad {

	private static final Logger log = LoggerFactory.getLogger(IsolationLoad.class);

	private static final String ACTIVE = "status in ('ACTIVE', 'EXTENDED')";

	private IsolationLoad() {
	}

	static void ensure(DataSource dataSource, int wanted, LocalDate today) throws SQLException {
		try (Connection connection = dataSource.getConnection()) {
			long active = count(connection, "select count(*) from isolation_case where " + ACTIVE);
			if (active >= wanted) {
				log.info("{} active isolation cases: none added", active);
				return;
			}
			long start = System.nanoTime();
			long persons = count(connection, "select count(*) from person");
			long lastId = count(connection, "select coalesce(max(id), 0) from isolation_case");
			long step = Math.max(1, persons / (wanted - active));
			int cases = update(connection,
					"""
							insert into isolation_case (person_id, path, case_type, reason, start_date, end_date,
							    planned_end, contact_time, status, created_by, active_person_id)
							select id, path, 'HOME_ISOLATION', 'CLOSE_CONTACT', s, s + 13, s + 13, '09:00', 'ACTIVE', 'bench', id
							from (select id, path, cast(? as date) - cast(2 + mod(id, 12) as integer) s
							      from person p where mod(id, ?) = 0
							      and not exists (select 1 from isolation_case c where c.person_id = p.id and c.%s)
							      order by id limit ?) x"""
						.formatted(ACTIVE),
					today, step, wanted - active);
			// the responsible cadre: the next resident (ids are dense within a household)
			update(connection, """
					insert into isolation_responsible (case_id, person_id)
					select c.id, p.id from isolation_case c join person p on p.id = c.person_id + 1
					where c.id > ?""", lastId);
			int contacts = 0;
			for (int daysAgo = 0; daysAgo < 3; daysAgo++) {
				LocalDate day = today.minusDays(daysAgo);
				OffsetDateTime at = day.atTime(0, 5).atZone(BusinessDay.ZONE).toOffsetDateTime();
				contacts += update(connection, """
						insert into isolation_contact (case_id, business_day, contacted_at, channel, reached,
						    temperature, symptoms, recorded_by)
						select id, ?, ?, 'PHONE', mod(id, 10) <> 2 or ? > 0, 36.5, false, 'bench'
						from isolation_case where id > ? and mod(id, 10) > 0 and (mod(id, 10) <> 1 or ? > 0)""", day,
						at, daysAgo, lastId, daysAgo);
			}
			// as autovacuum would: statistics, and the visibility map for index-only
			// scans
			try (Statement vacuum = connection.createStatement()) {
				vacuum.execute("vacuum analyze isolation_case, isolation_responsible, isolation_contact");
			}
			log.info("Added {} active isolation cases (every {}th resident) and {} contacts in {} ms", cases, step,
					contacts, (System.nanoTime() - start) / 1_000_000);
		}
	}

	private static long count(Connection connection, String sql) throws SQLException {
		try (Statement query = connection.createStatement(); ResultSet rs = query.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	private static int update(Connection connection, String sql, Object... values) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < values.length; i++) {
				statement.setObject(i + 1, values[i]);
			}
			return statement.executeUpdate();
		}
	}

}

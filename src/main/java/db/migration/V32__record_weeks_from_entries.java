package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Fills V31's person weeks and week tallies from the entries already recorded (ADR 39):
 * in Java, because the Monday of a date is written differently on H2 and PostgreSQL. The
 * application keeps both from here on ({@code cn.huoxian.record.RecordWeeks}, which a
 * record rebuild also recounts with).
 */
public class V32__record_weeks_from_entries extends BaseJavaMigration {

	@Override
	public void migrate(Context context) throws SQLException {
		Connection connection = context.getConnection();
		Set<String> seen = new HashSet<>();
		try (Statement read = connection.createStatement();
				ResultSet days = read.executeQuery("select distinct person_id, business_day from record_entry");
				PreparedStatement insert = connection
					.prepareStatement("insert into record_person_week (person_id, week_start) values (?, ?)")) {
			int pending = 0;
			while (days.next()) {
				long person = days.getLong(1);
				LocalDate week = days.getObject(2, LocalDate.class).with(DayOfWeek.MONDAY);
				if (seen.add(person + " " + week)) {
					insert.setLong(1, person);
					insert.setObject(2, week);
					insert.addBatch();
					if (++pending == 1_000) {
						insert.executeBatch();
						pending = 0;
					}
				}
			}
			insert.executeBatch();
		}
		// every cadre's week counts once at each region path above the cadre's own
		Map<String, Long> tally = new HashMap<>();
		try (Statement read = connection.createStatement(); ResultSet weeks = read.executeQuery("""
				select w.week_start, p.path from record_person_week w
				join person p on p.id = w.person_id
				join person_role r on r.person_id = p.id and r.role = 'CADRE'""")) {
			while (weeks.next()) {
				String week = weeks.getObject(1, LocalDate.class).toString();
				String path = weeks.getString(2);
				for (int end = path.indexOf('/', 1); end > 0; end = path.indexOf('/', end + 1)) {
					tally.merge(path.substring(0, end + 1) + " " + week, 1L, Long::sum);
				}
			}
		}
		try (PreparedStatement insert = connection
			.prepareStatement("insert into record_week_tally (path, week_start, cadres) values (?, ?, ?)")) {
			for (Map.Entry<String, Long> row : tally.entrySet()) {
				int space = row.getKey().indexOf(' ');
				insert.setString(1, row.getKey().substring(0, space));
				insert.setObject(2, LocalDate.parse(row.getKey().substring(space + 1)));
				insert.setLong(3, row.getValue());
				insert.addBatch();
			}
			insert.executeBatch();
		}
	}

}

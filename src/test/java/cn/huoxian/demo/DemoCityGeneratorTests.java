package cn.huoxian.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.SplittableRandom;
import java.util.UUID;

import cn.huoxian.org.OrgBulkLoad;
import cn.huoxian.people.PeopleBulkLoad;
import cn.huoxian.shared.IdNumber;
import cn.huoxian.shared.bulk.RowSink;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The generator on its own, into fresh in-memory H2 databases: deterministic and
 * consistent.
 */
class DemoCityGeneratorTests {

	private static final double SCALE = 0.002;

	private static final LocalDate DAY = LocalDate.of(2026, 3, 1);

	@Test
	void sameScaleGivesTheSameCity() throws Exception {
		String first;
		String second;
		try (City city = generatedCity()) {
			first = DemoCityInvariants.checksum(city.connection());
		}
		try (City city = generatedCity()) {
			second = DemoCityInvariants.checksum(city.connection());
		}
		assertThat(first).isEqualTo(second);
		// the city generated before its rows went through org's and people's bulk loads
		// dated since issue 14 from the day of generation (here DAY); with the regions'
		// cadres (V30) since ADR 39, the rest as before (e5bd29a1… without that column)
		assertThat(first).isEqualTo("4a7a947501b19252e03002a92da96213b2a43d7dd04afa6f2008f96780836d75");
	}

	/**
	 * Issue 14: the emergency runs now. A month later the same seed gives the same city
	 * but for its dates, and those of the emergency moved with the day.
	 */
	@Test
	void aLaterDayGivesTheSameCityWithItsDatesMoved() throws Exception {
		LocalDate later = DAY.plusDays(30);
		String first;
		String second;
		String firstSetUp;
		String secondSetUp;
		// a smaller city than the others': two generations, and the dates are what is
		// compared
		try (City city = generatedCity(DAY, SCALE / 2)) {
			first = DemoCityInvariants.checksumWithoutDates(city.connection());
			firstSetUp = setUpDays(city.connection(), DAY);
		}
		try (City city = generatedCity(later, SCALE / 2)) {
			second = DemoCityInvariants.checksumWithoutDates(city.connection());
			secondSetUp = setUpDays(city.connection(), later);
		}
		assertThat(second).isEqualTo(first);
		assertThat(secondSetUp).isEqualTo(firstSetUp).isNotEmpty();
	}

	/**
	 * The temporary party organisations' set-up days counted back from the day of
	 * generation: all within the emergency's weeks.
	 */
	private static String setUpDays(Connection connection, LocalDate day) throws SQLException {
		StringBuilder days = new StringBuilder();
		try (Statement statement = connection.createStatement();
				var rs = statement
					.executeQuery("select set_up_on from party_organisation where temporary order by id")) {
			while (rs.next()) {
				long before = java.time.temporal.ChronoUnit.DAYS.between(rs.getObject(1, LocalDate.class), day);
				assertThat(before).isBetween(1L, (long) DemoCalendar.EMERGENCY_DAYS);
				days.append(before).append(',');
			}
		}
		return days.toString();
	}

	@Test
	void generatedCityKeepsItsInvariants() throws Exception {
		try (City city = generatedCity()) {
			Connection connection = city.connection();
			DemoCityInvariants.assertCountersMatchRecount(connection);
			assertThat(DemoCityInvariants.count(connection, "select count(*) from person")).isGreaterThan(10_000);
			try (Statement statement = connection.createStatement()) {
				// no accounts in a bare generation: every person is a generated one
				statement
					.execute("insert into account (username, password_hash, role) values ('x', 'x', 'CITY_ADMIN')");
			}
			DemoCityInvariants.assertIdNumbersValid(connection);
		}
	}

	@Test
	void identityColumnsContinuePastTheGeneratedIds() throws Exception {
		try (City city = generatedCity(); Statement statement = city.connection().createStatement()) {
			Connection connection = city.connection();
			long maxBuilding = DemoCityInvariants.count(connection, "select max(id) from building");
			long maxPerson = DemoCityInvariants.count(connection, "select max(id) from person");
			statement.execute("insert into building (region_id, path, name) "
					+ "select id, path, 'new' from region where region_level = 'GRID' order by id limit 1");
			statement.execute("insert into person (name, id_number, birth_date, sex, region_id, path) "
					+ "select 'x', '11010519491231002X', date '1949-12-31', 'F', id, path from region where code = '130900'");
			assertThat(DemoCityInvariants.count(connection, "select max(id) from building")).isEqualTo(maxBuilding + 1);
			assertThat(DemoCityInvariants.count(connection, "select max(id) from person")).isEqualTo(maxPerson + 1);
		}
	}

	@Test
	void fastIdNumbersEqualIdNumberOf() {
		SplittableRandom random = new SplittableRandom(7);
		for (County county : County.CANGZHOU) {
			IdNumbers ids = new IdNumbers(county.code());
			for (int i = 0; i < 2000; i++) {
				int day = random.nextInt(IdNumbers.BIRTH_DAYS);
				int sequence = random.nextInt(1000);
				LocalDate birth = IdNumbers.BIRTH_BASE.plusDays(day);
				assertThat(IdNumbers.birthDate(day)).isEqualTo(birth);
				assertThat(ids.of(day, sequence).toString())
					.isEqualTo(IdNumber.of(county.code(), birth, sequence).value());
			}
		}
	}

	/**
	 * A fresh in-memory H2 database, migrated, with the city generated at {@link #SCALE}.
	 */
	private static City generatedCity() throws SQLException {
		return generatedCity(DAY, SCALE);
	}

	/** As {@link #generatedCity()}, generated on this business day at this scale. */
	private static City generatedCity(LocalDate day, double scale) throws SQLException {
		String url = "jdbc:h2:mem:gen-" + UUID.randomUUID()
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
		City city = new City(DriverManager.getConnection(url, "sa", ""));
		Connection connection = city.connection();
		// migrated through this very session: H2's check constraints keep the session
		// that created them
		Flyway.configure()
			.dataSource(new SingleConnectionDataSource(connection, true))
			.locations("classpath:db/migration")
			.load()
			.migrate();
		connection.setAutoCommit(false);
		try (RowSink sink = RowSink.open(connection)) {
			new DemoCityGenerator(new OrgBulkLoad().start(connection, sink),
					new PeopleBulkLoad().start(connection, sink), scale, DemoCalendar.of(day), residents -> {
					})
				.generate();
		}
		connection.commit();
		connection.setAutoCommit(true);
		return city;
	}

	/** The connection to a generated city; closing it discards the in-memory database. */
	private record City(Connection connection) implements AutoCloseable {

		@Override
		public void close() throws SQLException {
			try (Statement statement = connection.createStatement()) {
				statement.execute("shutdown");
			}
			finally {
				connection.close();
			}
		}

	}

}

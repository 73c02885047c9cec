package cn.huoxian.record;

import static cn.huoxian.db.Tables.RECORD_PERSON_WEEK;
import static cn.huoxian.db.Tables.RECORD_WEEK_TALLY;
import static cn.huoxian.db.Tables.REGION;
import static cn.huoxian.support.Pages.login;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import cn.huoxian.access.Accounts;
import cn.huoxian.org.RegionForm;
import cn.huoxian.org.RegionView;
import cn.huoxian.org.Regions;
import cn.huoxian.shared.BusinessDay;
import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.DataScope;
import cn.huoxian.shared.RegionPath;
import cn.huoxian.shared.Role;
import cn.huoxian.support.FreeCodes;
import cn.huoxian.support.SqlTest;
import com.jayway.jsonpath.JsonPath;
import db.migration.V32__record_weeks_from_entries;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 14: the organisation department sees, under a region, the cadres without any
 * record entry this week (ADR 39): counted from the region's maintained cadres and the
 * record's weekly tally, listed exactly, in scope; the migrations fill both from what was
 * there before.
 */
@SqlTest
class QuietCadresTests {

	private static final CurrentUser ADMIN = new CurrentUser("admin", null, Role.CITY_ADMIN,
			DataScope.ofRegions(RegionPath.root("130900")));

	private static final String API = "/api/v1/record/quiet-cadres?region=";

	@Autowired
	MockMvc mvc;

	@Autowired
	DSLContext db;

	@Autowired
	Accounts accounts;

	@Autowired
	Regions regions;

	@Autowired
	QuietCadres quietCadres;

	@Autowired
	RecordRebuild rebuild;

	@Autowired
	TransactionTemplate transactions;

	RecordApiFixtures fx;

	LocalDate today;

	String township;

	String community;

	@BeforeEach
	void setUp() {
		fx = new RecordApiFixtures(mvc, accounts);
		today = LocalDate.now(BusinessDay.ZONE);
		township = FreeCodes.township("130902", code -> regions.byCode(code).isPresent());
		community = township.substring(0, 9) + "001";
		regions.create(new RegionForm(township, "纪实街道", "130902"), ADMIN);
		regions.create(new RegionForm(community, "纪实社区", township), ADMIN);
	}

	private RegionView region(String code) {
		return regions.byCode(code).orElseThrow();
	}

	private long quiet(String code) {
		return quietCadres.count(region(code), today);
	}

	private void accountability(long person, LocalDate on) throws Exception {
		fx.post("zzb", "/api/v1/record/persons/" + person + "/accountability",
				"{\"kind\":\"REMINDER_TALK\",\"occurredOn\":\"" + on
						+ "\",\"decidedLevel\":\"CITY\",\"detail\":\"本周纪实测试\"}",
				201);
	}

	@Test
	void aCadresFirstEntryOfTheWeekTakesThemOffTheListOnceAtEveryLevel() throws Exception {
		long first = fx.cadre(community, "TOWNSHIP");
		long second = fx.cadre(community, "STAFF");
		long third = fx.cadre(township, "TOWNSHIP");
		assertThat(region(community).counts().cadres()).isEqualTo(2);
		assertThat(region(township).counts().cadres()).isEqualTo(3);
		assertThat(quiet(township)).isEqualTo(3);
		long countyBefore = quiet("130902");

		accountability(first, today);
		accountability(first, today);
		accountability(third, today.with(java.time.DayOfWeek.MONDAY).minusDays(1));

		assertThat(quiet(community)).isEqualTo(1);
		assertThat(quiet(township)).as("the third's entry is in last week").isEqualTo(2);
		assertThat(quiet("130902")).isEqualTo(countyBefore - 1);
		assertThat(quietCadres.count(region(township), today.minusWeeks(1))).isEqualTo(2);
		String list = fx.json("zzb", API + township);
		assertThat(JsonPath.<List<Integer>>read(list, "$.items[*].personId")).map(Integer::longValue)
			.containsExactlyInAnyOrder(second, third);
		assertThat((Integer) JsonPath.read(list, "$.total")).isEqualTo(2);
		String lastWeek = fx.json("zzb", API + township + "&date=" + today.minusWeeks(1));
		assertThat(JsonPath.<List<Integer>>read(lastWeek, "$.items[*].personId")).map(Integer::longValue)
			.containsExactlyInAnyOrder(first, second);

		Map<String, Long> tallies = tallies();
		rebuild.rebuild();
		assertThat(tallies()).as("a rebuild recounts the same weeks").isEqualTo(tallies);
		assertThat(quiet(township)).isEqualTo(2);
	}

	@Test
	void aCadreWhoStopsBeingOneOrMovesIsCountedWhereTheyAre() throws Exception {
		long cadre = fx.cadre(community, "TOWNSHIP");
		assertThat(region(township).counts().cadres()).isEqualTo(1);
		long countyCadres = region("130902").counts().cadres();
		String idNumber = JsonPath.read(fx.json("admin", "/api/v1/persons/" + cadre), "$.idNumber");
		fx.put("admin", "/api/v1/persons/" + cadre, "{\"name\":\"卸任干部\",\"idNumber\":\"" + idNumber
				+ "\",\"regionCode\":\"" + township + "\",\"roles\":[{\"role\":\"VOLUNTEER\"}]}", 200);
		assertThat(region(community).counts().cadres()).isZero();
		assertThat(region(township).counts().cadres()).isZero();
		assertThat(region("130902").counts().cadres()).isEqualTo(countyCadres - 1);
		assertThat(quiet(township)).isZero();
		assertThat((Integer) JsonPath.read(fx.json("zzb", API + township), "$.total")).isZero();
	}

	@Test
	void onlyThoseWhoReadRecordsOverTheRegionSeeTheList() throws Exception {
		fx.cadre(community, "TOWNSHIP");
		String otherCounty = fx.account(Role.REGION_STAFF, null, "130903");
		assertThat(fx.status(otherCounty, API + township)).isEqualTo(404);
		assertThat(fx.status(otherCounty, API + "130902999999")).isEqualTo(404);
		assertThat(fx.status("grid01", API + township)).isEqualTo(404);
		assertThat(fx.status("xinhua", API + township)).isEqualTo(200);
		assertThat(fx.status("zzb", API + township + "&size=0")).isEqualTo(400);
		assertThat(fx.status("zzb", API + township + "&date=yesterday")).isEqualTo(400);
	}

	@Test
	void theOrganisationDepartmentsHomeCountsThemAndThePageNamesThem() throws Exception {
		long cadre = fx.cadre(community, "TOWNSHIP");
		String home = mvc.perform(get("/").session(login(mvc, "zzb")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(home).contains("本周无纪实记录的干部").contains("href=\"/record/quiet?region=130900\"");
		String page = mvc.perform(get("/record/quiet").param("region", township).session(login(mvc, "zzb")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("纪实街道").contains("id=\"quiet-" + cadre + "\"").contains("尚无纪实");
	}

	@Test
	void theMigrationsFillTheCountersFromWhatWasRecordedBefore() throws Exception {
		long cadre = fx.cadre(community, "TOWNSHIP");
		accountability(cadre, today);
		Map<String, Long> tallies = tallies();
		long weeks = db.fetchCount(RECORD_PERSON_WEEK);
		String merge = new ClassPathResource("db/migration/V30__region_cadres.sql")
			.getContentAsString(StandardCharsets.UTF_8);
		transactions.executeWithoutResult(status -> {
			db.update(REGION).set(REGION.CADRES, 0L).where(REGION.CODE.in(township, community)).execute();
			db.deleteFrom(RECORD_WEEK_TALLY).execute();
			db.deleteFrom(RECORD_PERSON_WEEK).execute();
			db.execute(merge.substring(merge.indexOf("merge into")));
			db.connection(connection -> new V32__record_weeks_from_entries().migrate(context(connection)));
			assertThat(region(township).counts().cadres()).isEqualTo(1);
			assertThat(region(community).counts().cadres()).isEqualTo(1);
			assertThat(tallies()).isEqualTo(tallies);
			assertThat(db.fetchCount(RECORD_PERSON_WEEK)).isEqualTo(weeks);
			status.setRollbackOnly();
		});
	}

	/** Every tally row as "path week" to its count. */
	private Map<String, Long> tallies() {
		return db.selectFrom(RECORD_WEEK_TALLY).fetchMap(r -> r.getPath() + " " + r.getWeekStart(), r -> r.getCadres());
	}

	private static Context context(Connection connection) {
		return new Context() {
			@Override
			public Configuration getConfiguration() {
				return null;
			}

			@Override
			public Connection getConnection() {
				return connection;
			}
		};
	}

}

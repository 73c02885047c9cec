package cn.huoxian.web;

import static cn.huoxian.db.Tables.PARTY_ORGANISATION;
import static cn.huoxian.db.Tables.PERSON;
import static cn.huoxian.db.Tables.REGION;
import static cn.huoxian.db.Tables.UNIT;
import static cn.huoxian.support.Pages.login;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.huoxian.support.SqlTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 14: a picker never offers, and never names, what the user may not see. Each
 * picker is asked as 新华区's staff (scope 130902) and as the city's administrator: every
 * value offered to the district lies inside 新华区, while the administrator's answer to the
 * same words reaches beyond it (so the district's answer was filtered, not empty by
 * chance).
 */
@SqlTest
class PickerScopeTests {

	private static final Pattern VALUE = Pattern.compile("class=\"picker-option\"[^>]*data-value=\"([^\"]+)\"");

	private static final Pattern CHIP = Pattern.compile("class=\"picker-chip\" data-value=\"([^\"]+)\"");

	@Autowired
	MockMvc mvc;

	@Autowired
	DSLContext db;

	private List<String> values(Pattern pattern, String user, String url) throws Exception {
		MockHttpSession session = login(mvc, user);
		String html = mvc.perform(get(url).session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<String> values = new ArrayList<>();
		Matcher m = pattern.matcher(html);
		while (m.find()) {
			values.add(m.group(1));
		}
		return values;
	}

	private List<String> offered(String user, String url) throws Exception {
		return values(VALUE, user, url);
	}

	private List<String> named(String user, String url) throws Exception {
		return values(CHIP, user, url);
	}

	private String regionPath(String code) {
		return db.select(REGION.PATH).from(REGION).where(REGION.CODE.eq(code)).fetchOne(REGION.PATH);
	}

	@Test
	void theRegionPickerOffersOnlyRegionsInScope() throws Exception {
		List<String> city = offered("admin", "/pick/regions?q=区");
		assertThat(city).anyMatch(code -> !regionPath(code).contains("/130902/"));
		List<String> district = offered("xinhua", "/pick/regions?q=区");
		assertThat(district).isNotEmpty().allMatch(code -> regionPath(code).contains("/130902/"));
		// the scope's root when nothing is typed; nothing below a region outside it
		assertThat(offered("xinhua", "/pick/regions?q=")).containsExactly("130902");
		assertThat(offered("admin", "/pick/regions?below=130903")).isNotEmpty();
		assertThat(offered("xinhua", "/pick/regions?below=130903")).isEmpty();
		// by code as well as by name
		String township = offered("xinhua", "/pick/regions?below=130902").get(0);
		assertThat(offered("xinhua", "/pick/regions?q=" + township)).contains(township);
	}

	@Test
	void theRegionPickerNamesOnlyChosenRegionsInScope() throws Exception {
		assertThat(named("admin", "/pick/regions/chosen?values=130902,130903")).containsExactly("130902", "130903");
		assertThat(named("xinhua", "/pick/regions/chosen?values=130902,130903")).containsExactly("130902");
	}

	@Test
	void thePersonPickerOffersAndNamesOnlyPersonsInScope() throws Exception {
		String surname = db.select(PERSON.NAME)
			.from(PERSON)
			.where(PERSON.PATH.like("/130900/130902/%"))
			.orderBy(PERSON.ID)
			.limit(1)
			.fetchOne(PERSON.NAME)
			.substring(0, 1);
		List<String> district = offered("xinhua", "/pick/persons?q=" + surname);
		assertThat(district).isNotEmpty().allMatch(id -> personPath(id).startsWith("/130900/130902/"));
		long outside = db.select(PERSON.ID)
			.from(PERSON)
			.where(PERSON.PATH.notLike("/130900/130902/%"))
			.orderBy(PERSON.ID)
			.limit(1)
			.fetchOne(PERSON.ID);
		String inside = district.get(0);
		assertThat(named("admin", "/pick/persons/chosen?values=" + inside + "," + outside)).hasSize(2);
		assertThat(named("xinhua", "/pick/persons/chosen?values=" + inside + "," + outside)).containsExactly(inside);
		// never the full ID number: the picker shows the masked one
		MockHttpSession session = login(mvc, "xinhua");
		String html = mvc.perform(get("/pick/persons/chosen?values=" + inside).session(session))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String idNumber = db.select(PERSON.ID_NUMBER)
			.from(PERSON)
			.where(PERSON.ID.eq(Long.parseLong(inside)))
			.fetchOne(PERSON.ID_NUMBER);
		assertThat(html).doesNotContain(idNumber);
	}

	/** Issue 14: a person is found by phone number too, only within scope. */
	@Test
	void thePersonPickerFindsAPhoneNumberInScopeOnly() throws Exception {
		var person = db.selectFrom(PERSON)
			.where(PERSON.PATH.like("/130900/130902/%").and(PERSON.PHONE.isNotNull()))
			.orderBy(PERSON.ID)
			.limit(1)
			.fetchOne();
		assertThat(offered("xinhua", "/pick/persons?q=" + person.getPhone())).contains(String.valueOf(person.getId()))
			.allMatch(id -> db.select(PERSON.PHONE)
				.from(PERSON)
				.where(PERSON.ID.eq(Long.parseLong(id)))
				.fetchOne(PERSON.PHONE)
				.equals(person.getPhone()));
		var outside = db.selectFrom(PERSON)
			.where(PERSON.PATH.notLike("/130900/130902/%").and(PERSON.PHONE.isNotNull()))
			.orderBy(PERSON.ID)
			.limit(1)
			.fetchOne();
		assertThat(offered("xinhua", "/pick/persons?q=" + outside.getPhone()))
			.doesNotContain(String.valueOf(outside.getId()));
		assertThat(offered("admin", "/pick/persons?q=" + outside.getPhone())).contains(String.valueOf(outside.getId()));
	}

	private String personPath(String id) {
		return db.select(PERSON.PATH).from(PERSON).where(PERSON.ID.eq(Long.parseLong(id))).fetchOne(PERSON.PATH);
	}

	@Test
	void theUnitAndOrganisationPickersOfferOnlyWhatIsInScope() throws Exception {
		assertThat(offered("xinhua", "/pick/units?q=")).allMatch(id -> unitPath(id).startsWith("/130900/130902/"));
		assertThat(offered("xinhua", "/pick/party-organisations?q="))
			.allMatch(id -> organisationPath(id).startsWith("/130900/130902/"));
		// one of each outside 新华区, found by its code
		var unit = db.select(UNIT.ID, UNIT.CODE)
			.from(UNIT)
			.where(UNIT.PATH.notLike("/130900/130902/%"))
			.orderBy(UNIT.ID)
			.limit(1)
			.fetchOne();
		String outsideUnit = String.valueOf(unit.value1());
		assertThat(offered("admin", "/pick/units?q=" + unit.value2())).contains(outsideUnit);
		assertThat(offered("xinhua", "/pick/units?q=" + unit.value2())).isEmpty();
		assertThat(named("admin", "/pick/units/chosen?values=" + outsideUnit)).containsExactly(outsideUnit);
		assertThat(named("xinhua", "/pick/units/chosen?values=" + outsideUnit)).isEmpty();
		// a unit chosen by its code answers with the code
		assertThat(offered("admin", "/pick/units?by=code&q=" + unit.value2())).contains(unit.value2());
		assertThat(named("admin", "/pick/units/chosen?by=code&values=" + unit.value2())).containsExactly(unit.value2());
		assertThat(named("xinhua", "/pick/units/chosen?by=code&values=" + unit.value2())).isEmpty();
		var organisation = db.select(PARTY_ORGANISATION.ID, PARTY_ORGANISATION.CODE)
			.from(PARTY_ORGANISATION)
			.where(PARTY_ORGANISATION.PATH.notLike("/130900/130902/%"))
			.orderBy(PARTY_ORGANISATION.ID)
			.limit(1)
			.fetchOne();
		String outsideOrganisation = String.valueOf(organisation.value1());
		assertThat(offered("admin", "/pick/party-organisations?q=" + organisation.value2()))
			.contains(outsideOrganisation);
		assertThat(offered("xinhua", "/pick/party-organisations?q=" + organisation.value2())).isEmpty();
		assertThat(named("xinhua", "/pick/party-organisations/chosen?values=" + outsideOrganisation)).isEmpty();
	}

	private String unitPath(String id) {
		return db.select(UNIT.PATH).from(UNIT).where(UNIT.ID.eq(Long.parseLong(id))).fetchOne(UNIT.PATH);
	}

	private String organisationPath(String id) {
		return db.select(PARTY_ORGANISATION.PATH)
			.from(PARTY_ORGANISATION)
			.where(PARTY_ORGANISATION.ID.eq(Long.parseLong(id)))
			.fetchOne(PARTY_ORGANISATION.PATH);
	}

	@Test
	void theTeamPickerOffersAndNamesOnlyTeamsInScope() throws Exception {
		var team = cn.huoxian.db.Tables.COMMANDO_TEAM;
		var outside = db.select(team.ID, team.NAME)
			.from(team)
			.where(team.PATH.notLike("/130900/130902/%"))
			.and(team.DISSOLVED_ON.isNull())
			// the newest: the picker offers the newest teams first
			.orderBy(team.ID.desc())
			.limit(1)
			.fetchOne();
		String id = String.valueOf(outside.value1());
		assertThat(offered("admin", "/pick/teams?q=" + outside.value2())).contains(id);
		assertThat(offered("xinhua", "/pick/teams?q=" + outside.value2())).doesNotContain(id);
		assertThat(offered("xinhua", "/pick/teams?q=")).allMatch(t -> db.select(team.PATH)
			.from(team)
			.where(team.ID.eq(Long.parseLong(t)))
			.fetchOne(team.PATH)
			.startsWith("/130900/130902/"));
		assertThat(named("admin", "/pick/teams/chosen?values=" + id)).containsExactly(id);
		assertThat(named("xinhua", "/pick/teams/chosen?values=" + id)).isEmpty();
	}

	@Test
	void theGridWorkersRegionPickerHoldsTheirGridOnly() throws Exception {
		List<String> grid = offered("grid01", "/pick/regions?q=");
		assertThat(grid).hasSize(1);
		assertThat(offered("grid01", "/pick/regions?q=网格")).allMatch(code -> code.equals(grid.get(0)));
	}

}

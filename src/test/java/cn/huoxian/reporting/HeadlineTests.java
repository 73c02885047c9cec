package cn.huoxian.reporting;

import static cn.huoxian.db.Tables.COMMANDO_MEMBER;
import static cn.huoxian.db.Tables.COMMANDO_TEAM;
import static cn.huoxian.db.Tables.DEPLOYMENT;
import static cn.huoxian.db.Tables.FIRST_SECRETARY_RETURN;
import static cn.huoxian.db.Tables.PAIRING;
import static cn.huoxian.db.Tables.PARTY_ORGANISATION;
import static cn.huoxian.db.Tables.PERSON;
import static cn.huoxian.db.Tables.REGION;
import static cn.huoxian.db.Tables.UNIT;
import static cn.huoxian.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import cn.huoxian.shared.BusinessDay;
import cn.huoxian.support.SqlTest;
import com.jayway.jsonpath.JsonPath;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The headline counts records: in a fresh township, each figure counts exactly the
 * records that are current today, and the city's figures grow by the same amounts.
 */
@SqlTest
class HeadlineTests {

	private static final List<String> FIGURES = List.of("deployedLeadingCadres", "pairedUnits", "pairedCommunities",
			"temporaryPartyOrganisations", "firstSecretariesAtPost", "commandoMembers");

	@Autowired
	MockMvc mvc;

	@Autowired
	DSLContext db;

	@Autowired
	java.time.Clock clock;

	@Autowired
	cn.huoxian.deployment.HeadlineTally tally;

	private Map<String, Object> headline(String user, String region) throws Exception {
		String body = mvc
			.perform(as(mvc, user, get("/api/v1/stats/headline" + (region == null ? "" : "?region=" + region))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return JsonPath.read(body, "$");
	}

	private static long figure(Map<String, Object> headline, String name) {
		return ((Number) headline.get(name)).longValue();
	}

	@Test
	void countsTheCurrentRecordsUnderTheRegion() throws Exception {
		String township = freeTownship();
		String village = township.substring(0, 9) + "001";
		create(township, "头条测试镇", "130984");
		create(village, "头条测试村", township);
		var villageRow = db.fetchOne(REGION, REGION.CODE.eq(village));
		String path = villageRow.getPath();
		Map<String, Object> cityBefore = headline("admin", "130900");
		LocalDate today = BusinessDay.today(clock);
		List<Long> persons = db.select(PERSON.ID)
			.from(PERSON)
			.where(PERSON.ID.notIn(db.select(FIRST_SECRETARY_RETURN.PERSON_ID).from(FIRST_SECRETARY_RETURN)))
			.orderBy(PERSON.ID.desc())
			.limit(4)
			.fetch(PERSON.ID);

		// deployments: one current leading cadre of each kind that counts, and three that
		// do not
		deploy(persons.get(0), true, "COUNTY", villageRow.getId(), path, today.minusDays(3), null);
		deploy(persons.get(1), true, "TOWNSHIP", villageRow.getId(), path, today.minusDays(3), today.plusDays(5));
		deploy(persons.get(2), true, "TOWNSHIP", villageRow.getId(), path, today.minusDays(9), today.minusDays(1));
		deploy(persons.get(3), false, "STAFF", villageRow.getId(), path, today.minusDays(3), null);
		deploy(persons.get(3), true, "COUNTY", villageRow.getId(), path, today.plusDays(2), null);

		long unit = db.insertInto(UNIT)
			.set(UNIT.CODE, "HL-" + township)
			.set(UNIT.NAME, "头条测试单位")
			.set(UNIT.KIND, "GOVERNMENT_ORGAN")
			.set(UNIT.REGION_ID, villageRow.getParentId())
			.set(UNIT.PATH, path.substring(0, path.length() - village.length() - 1))
			.returning(UNIT.ID)
			.fetchOne(UNIT.ID);
		db.insertInto(PAIRING)
			.set(PAIRING.UNIT_ID, unit)
			.set(PAIRING.COMMUNITY_ID, villageRow.getId())
			.set(PAIRING.PATH, path)
			.set(PAIRING.STARTED_ON, today)
			.set(PAIRING.CREATED_BY, "test")
			.execute();

		long active = organisation("HLT-" + township, villageRow.getId(), path, today.minusDays(1), null);
		organisation("HLD-" + township, villageRow.getId(), path, today.minusDays(9), today.minusDays(2));

		db.insertInto(FIRST_SECRETARY_RETURN)
			.columns(FIRST_SECRETARY_RETURN.PERSON_ID, FIRST_SECRETARY_RETURN.VILLAGE_ID, FIRST_SECRETARY_RETURN.PATH,
					FIRST_SECRETARY_RETURN.DISPATCHING_UNIT_ID, FIRST_SECRETARY_RETURN.RETURNED_ON,
					FIRST_SECRETARY_RETURN.LEFT_ON, FIRST_SECRETARY_RETURN.RECORDED_BY)
			.values(persons.get(0), villageRow.getId(), path, unit, today.minusDays(4), null, "test")
			.values(persons.get(1), villageRow.getId(), path, unit, today.minusDays(4), today.minusDays(1), "test")
			.execute();

		long first = team(active, villageRow.getId(), path, today);
		long second = team(active, villageRow.getId(), path, today);
		member(first, persons.get(0), path, today.minusDays(1), null);
		// joins the day after tomorrow: not yet counted
		member(second, persons.get(3), path, today.plusDays(2), null);
		member(first, persons.get(1), path, today.minusDays(1), null);
		member(first, persons.get(2), path, today.minusDays(5), today.minusDays(1)); // left

		tally.rebuild();
		Map<String, Object> here = headline("admin", township);
		assertThat(here.get("region")).isEqualTo(township);
		assertThat(figure(here, "deployedLeadingCadres")).isEqualTo(2);
		assertThat(here.get("deployedLeadingCadresByRank")).isEqualTo(Map.of("BUREAU", 0, "COUNTY", 1, "TOWNSHIP", 1));
		assertThat(figure(here, "pairedUnits")).isEqualTo(1);
		assertThat(figure(here, "pairedCommunities")).isEqualTo(1);
		assertThat(figure(here, "temporaryPartyOrganisations")).isEqualTo(1);
		assertThat(figure(here, "firstSecretariesAtPost")).isEqualTo(1);
		assertThat(figure(here, "commandoMembers")).isEqualTo(2);

		Map<String, Object> cityAfter = headline("admin", "130900");
		for (String name : FIGURES) {
			assertThat(figure(cityAfter, name) - figure(cityBefore, name)).as(name).isEqualTo(figure(here, name));
		}
	}

	@Test
	void aRegionOutsideTheScopeIsNotFoundAndTheDefaultIsTheScopeRoot() throws Exception {
		mvc.perform(as(mvc, "xinhua", get("/api/v1/stats/headline?region=130900"))).andExpect(status().isNotFound());
		mvc.perform(as(mvc, "xinhua", get("/api/v1/stats/headline?region=130903"))).andExpect(status().isNotFound());
		mvc.perform(as(mvc, "admin", get("/api/v1/stats/headline?region=139999"))).andExpect(status().isNotFound());
		mvc.perform(as(mvc, "xinhua", get("/api/v1/stats/headline")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.region").value("130902"));
		mvc.perform(get("/api/v1/stats/headline?region=130900")).andExpect(status().isUnauthorized());
		for (String name : FIGURES) {
			assertThat(headline("zzb", "130900")).containsKey(name);
		}
	}

	private String freeTownship() throws Exception {
		for (int n = 800; n < 900; n++) {
			String code = "130984" + n + "000";
			if (!db.fetchExists(REGION, REGION.CODE.eq(code))) {
				return code;
			}
		}
		throw new IllegalStateException("no free township code left in 130984");
	}

	private void create(String code, String name, String parent) throws Exception {
		mvc.perform(as(mvc, "admin", post("/api/v1/regions")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"code\":\"" + code + "\",\"name\":\"" + name + "\",\"parentCode\":\"" + parent + "\"}"))
			.andExpect(status().isCreated());
	}

	private void deploy(long person, boolean leading, String rank, long region, String path, LocalDate start,
			LocalDate end) {
		db.insertInto(DEPLOYMENT)
			.set(DEPLOYMENT.PERSON_ID, person)
			.set(DEPLOYMENT.LEADING_CADRE, leading)
			.set(DEPLOYMENT.CADRE_RANK, rank)
			.set(DEPLOYMENT.POST_KIND, "REGION")
			.set(DEPLOYMENT.REGION_ID, region)
			.set(DEPLOYMENT.PATH, path)
			.set(DEPLOYMENT.START_DATE, start)
			.set(DEPLOYMENT.END_DATE, end)
			.set(DEPLOYMENT.CREATED_BY, "test")
			.execute();
	}

	private long organisation(String code, long region, String path, LocalDate setUp, LocalDate dissolved) {
		return db.insertInto(PARTY_ORGANISATION)
			.set(PARTY_ORGANISATION.CODE, code)
			.set(PARTY_ORGANISATION.NAME, "头条测试临时党支部")
			.set(PARTY_ORGANISATION.KIND, "BRANCH")
			.set(PARTY_ORGANISATION.ORG_PATH, "/" + code + "/")
			.set(PARTY_ORGANISATION.REGION_ID, region)
			.set(PARTY_ORGANISATION.PATH, path)
			.set(PARTY_ORGANISATION.TEMPORARY, true)
			.set(PARTY_ORGANISATION.CATEGORY, "SUPPLIES")
			.set(PARTY_ORGANISATION.SET_UP_ON, setUp)
			.set(PARTY_ORGANISATION.DISSOLVED_ON, dissolved)
			.returning(PARTY_ORGANISATION.ID)
			.fetchOne(PARTY_ORGANISATION.ID);
	}

	private long team(long organisation, long region, String path, LocalDate today) {
		return db.insertInto(COMMANDO_TEAM)
			.set(COMMANDO_TEAM.NAME, "头条测试突击队")
			.set(COMMANDO_TEAM.PARTY_ORGANISATION_ID, organisation)
			.set(COMMANDO_TEAM.REGION_ID, region)
			.set(COMMANDO_TEAM.PATH, path)
			.set(COMMANDO_TEAM.FORMED_ON, today.minusDays(7))
			.set(COMMANDO_TEAM.CREATED_BY, "test")
			.returning(COMMANDO_TEAM.ID)
			.fetchOne(COMMANDO_TEAM.ID);
	}

	private void member(long team, long person, String path, LocalDate joined, LocalDate left) {
		db.insertInto(COMMANDO_MEMBER)
			.set(COMMANDO_MEMBER.TEAM_ID, team)
			.set(COMMANDO_MEMBER.PERSON_ID, person)
			.set(COMMANDO_MEMBER.PATH, path)
			.set(COMMANDO_MEMBER.JOINED_ON, joined)
			.set(COMMANDO_MEMBER.LEFT_ON, left)
			.execute();
	}

}

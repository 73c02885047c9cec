package cn.huoxian.web;

import static cn.huoxian.db.Tables.HOUSEHOLD;
import static cn.huoxian.db.Tables.PARTY_ORGANISATION;
import static cn.huoxian.db.Tables.PERSON;
import static cn.huoxian.db.Tables.PERSON_ROLE;
import static cn.huoxian.db.Tables.REGION;
import static cn.huoxian.db.Tables.UNIT;
import static cn.huoxian.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;

import cn.huoxian.shared.Role;
import org.assertj.core.api.SoftAssertions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import cn.huoxian.access.Accounts;
import cn.huoxian.access.NewAccount;
import cn.huoxian.access.ScopeRoot;
import cn.huoxian.support.Api;
import cn.huoxian.support.SqlTest;
import com.jayway.jsonpath.JsonPath;
import org.jooq.DSLContext;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every id or code a write names is resolved through the caller's scope: region staff of
 * 新华区 (130902) naming a person, unit, party organisation or region of 运河区 (130903) get
 * exactly the 404 they get for an id that does not exist, naming the field and nothing
 * else, and nothing is written. The write operations and their reference fields are read
 * from the OpenAPI document, so a new endpoint without a template fails here.
 */
@SqlTest
class ReferenceScopeTests {

	/** Names of request fields and path parameters that hold references. */
	private static final Pattern REFERENCE = Pattern
		.compile(".*(Id|Ids|Code|Codes)$|^(code|region|targetRegion|targetUnit|rootRegion)$");

	private static final long MISSING_ID = 987_654_321_012L;

	private static final String MISSING_CODE = "999999999999";

	/**
	 * Write operations whose reference fields are not swept yet, each with why; the
	 * integrator shrinks this list. Everything else with a reference needs a template.
	 */
	private static final Map<String, String> NOT_YET = new LinkedHashMap<>();

	static {
		String target = "the path names the record written, not a reference: 403 outside the scope by design";
		for (String op : List.of("POST /api/v1/deployment/first-secretaries/{personId}/return",
				"POST /api/v1/deployment/first-secretaries/{personId}/leave",
				"POST /api/v1/deployment/first-secretaries/{personId}/log",
				"POST /api/v1/deployment/first-secretaries/{personId}/support-requests",
				"PUT /api/v1/assessment/rounds/{id}/cadres/{personId}", "PUT /api/v1/regions/{code}",
				"DELETE /api/v1/deployment/household-links/{householdId}")) {
			NOT_YET.put(op, target);
		}
	}

	@Autowired
	MockMvc mvc;

	/** An in-scope value for every placeholder, by field name. */
	private Map<String, Object> inScope;

	@Autowired
	DSLContext db;

	/** One write for xinhua, valid but for the field swept, and the values to sweep. */
	record Template(String user, String method, String path, String body, Map<String, Object> outOfScope,
			Map<String, Object> missing, Map<String, Object> inside) {

		Template(String user, String method, String path, String body, Map<String, Object> outOfScope,
				Map<String, Object> missing) {
			this(user, method, path, body, outOfScope, missing, Map.of());
		}

		Template(String method, String path, String body, Map<String, Object> outOfScope, Map<String, Object> missing) {
			this("xinhua", method, path, body, outOfScope, missing);
		}

		/** The same write with these in-scope values for its other placeholders. */
		Template with(Map<String, Object> values) {
			return new Template(user, method, path, body, outOfScope, missing, values);
		}

	}

	/** The operation a template key names: "METHOD path", less any "#variant". */
	private static String operation(String key) {
		return key.replaceAll("#.*", "");
	}

	@Test
	void everyReferenceOutOfScopeAnswersLikeAMissingOne() throws Exception {
		Map<String, Set<String>> operations = writeOperationsWithReferences();
		prepare();
		Map<String, Template> templates = templates();
		inScope = inScope();
		Map<String, Set<String>> swept = new LinkedHashMap<>();
		templates.forEach((key, t) -> t.outOfScope()
			.keySet()
			.forEach(field -> swept.computeIfAbsent(operation(key), k -> new TreeSet<>())
				.add(field.replaceAll("\\[\\d+]", "[0]"))));
		List<String> untemplated = new ArrayList<>();
		operations.forEach((op, fields) -> {
			if (!fields.isEmpty() && !swept.containsKey(op) && !NOT_YET.containsKey(op)) {
				untemplated.add(op + " " + fields);
			}
		});
		assertThat(untemplated).as("write operations with references but no template here").isEmpty();
		assertThat(swept.keySet()).as("templates of operations the API document lists")
			.allMatch(operations::containsKey);
		swept.forEach((op, fields) -> {
			Set<String> unswept = new TreeSet<>(operations.get(op));
			unswept.removeAll(fields);
			if (!unswept.isEmpty()) {
				System.out.println("not swept in " + op + ": " + unswept);
			}
		});

		List<Table<?>> tables = new ArrayList<>(List.of(UNIT, PARTY_ORGANISATION, PERSON, PERSON_ROLE, HOUSEHOLD));
		for (String table : List.of("liaison_group", "liaison_group_member", "liaison_group_community", "commando_team",
				"commando_member", "isolation_case", "isolation_contact", "isolation_need", "responsibility_zone",
				"pairing", "pairing_team_member", "deployment", "inspection", "rectification",
				"temporary_organisation_member", "model_post", "claimed_post", "battle_request", "household_link",
				"work_log", "screening_campaign", "assessment_round", "region", "volunteer_unit_report",
				"volunteer_registration", "volunteer_need", "volunteer_claim")) {
			tables.add(DSL.table(table));
		}
		Map<String, Integer> before = counts(tables);
		SoftAssertions softly = new SoftAssertions();
		for (Map.Entry<String, Template> entry : templates.entrySet()) {
			Template t = entry.getValue();
			for (String field : t.outOfScope().keySet()) {
				MockHttpServletResponse outside = send(t, field, t.outOfScope().get(field));
				MockHttpServletResponse missing = send(t, field, t.missing().get(field));
				String what = entry.getKey() + " with " + field;
				softly.assertThat(outside.getStatus())
					.as(what + " out of scope: " + outside.getContentAsString())
					.isEqualTo(404);
				softly.assertThat(missing.getStatus())
					.as(what + " missing: " + missing.getContentAsString())
					.isEqualTo(404);
				String outsideBody = withoutInstance(outside.getContentAsString());
				softly.assertThat(outsideBody).as(what).isEqualTo(withoutInstance(missing.getContentAsString()));
				softly
					.assertThat(outsideBody.contains("\"errors\"")
							? JsonPath.<List<String>>read(outsideBody, "$.errors[*].field") : List.<String>of())
					.as(what + " names the field: " + outsideBody)
					.anyMatch(f -> f.startsWith(field) || f.startsWith(field.replaceAll("\\[\\d+]", "")));
				for (String name : outOfScopeNames()) {
					softly.assertThat(outsideBody).as(what).doesNotContain(name);
				}
			}
		}
		softly.assertThat(counts(tables)).as("nothing was written").isEqualTo(before);
		softly.assertAll();
	}

	private MockHttpServletResponse send(Template t, String field, Object value) throws Exception {
		String path = t.path();
		String body = t.body();
		if (path.contains("{" + field + "}")) {
			path = path.replace("{" + field + "}", String.valueOf(value));
		}
		else {
			body = body.replace("\"@" + field + "\"", json(value));
		}
		for (Map.Entry<String, Object> other : t.inside().entrySet()) {
			body = body == null ? null : body.replace("\"@" + other.getKey() + "\"", json(other.getValue()));
		}
		for (Map.Entry<String, Object> other : inScope.entrySet()) {
			body = body == null ? null : body.replace("\"@" + other.getKey() + "\"", json(other.getValue()));
		}
		var builder = request(HttpMethod.valueOf(t.method()), path);
		if (body != null) {
			builder = builder.contentType(MediaType.APPLICATION_JSON).content(body);
		}
		return mvc.perform(as(mvc, t.user(), builder)).andReturn().getResponse();
	}

	private static String json(Object value) {
		return value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
	}

	private static String withoutInstance(String body) {
		return body.replaceAll("\"instance\"\\s*:\\s*\"[^\"]*\",?", "");
	}

	// ---- the demo city's objects in and out of 新华区

	private long person(String county) {
		return db.select(PERSON.ID)
			.from(PERSON)
			.where(PERSON.PATH.like("%/" + county + "/%"))
			.orderBy(PERSON.ID)
			.limit(1)
			.fetchOne(PERSON.ID);
	}

	private long organisation(String county) {
		return db.select(PARTY_ORGANISATION.ID)
			.from(PARTY_ORGANISATION)
			.where(PARTY_ORGANISATION.PATH.like("%/" + county + "/%"))
			.and(PARTY_ORGANISATION.KIND.ne("BRANCH"))
			.orderBy(PARTY_ORGANISATION.ID)
			.limit(1)
			.fetchOne(PARTY_ORGANISATION.ID);
	}

	private long unit(String county) {
		return db.select(UNIT.ID)
			.from(UNIT)
			.where(UNIT.PATH.like("%/" + county + "/%"))
			.orderBy(UNIT.ID)
			.limit(1)
			.fetchOne(UNIT.ID);
	}

	/** A shortage of protective supplies raised in the county (one raised if none is). */
	private long shortage(String county) throws Exception {
		Long found = db.select(DSL.field("id", Long.class))
			.from(DSL.table("shortage"))
			.where(DSL.field("path", String.class).like("%/" + county + "/%"))
			.and(DSL.field("kind", String.class).eq("PROTECTIVE_SUPPLIES"))
			.orderBy(DSL.field("id"))
			.limit(1)
			.fetchOne(0, Long.class);
		if (found != null) {
			return found;
		}
		Long pairingThere = db.select(DSL.field("id", Long.class))
			.from(DSL.table("pairing"))
			.where(DSL.field("path", String.class).like("%/" + county + "/%"))
			.orderBy(DSL.field("id"))
			.limit(1)
			.fetchOne(0, Long.class);
		if (pairingThere == null) {
			String unpaired = db.select(REGION.CODE)
				.from(REGION)
				.where(REGION.PATH.like("%/" + county + "/%"))
				.and(REGION.REGION_LEVEL.eq("VILLAGE"))
				.and(REGION.ID.notIn(DSL.select(DSL.field("community_id", Long.class)).from(DSL.table("pairing"))))
				.orderBy(REGION.CODE)
				.limit(1)
				.fetchOne(REGION.CODE);
			String unitThere = db.select(UNIT.CODE).from(UNIT).where(UNIT.ID.eq(unit(county))).fetchOne(UNIT.CODE);
			pairingThere = created("admin", "/api/v1/deployment/pairings",
					"{\"unitCode\":\"" + unitThere + "\",\"communityCode\":\"" + unpaired + "\"}");
		}
		return created("admin", "/api/v1/deployment/pairings/" + pairingThere + "/shortages",
				"{\"kind\":\"PROTECTIVE_SUPPLIES\",\"item\":\"口罩\",\"quantity\":10}");
	}

	private String village(String county) {
		return db.select(REGION.CODE)
			.from(REGION)
			.where(REGION.PATH.like("%/" + county + "/%"))
			.and(REGION.REGION_LEVEL.eq("VILLAGE"))
			.orderBy(REGION.CODE)
			.limit(1)
			.fetchOne(REGION.CODE);
	}

	/** Names that must never appear in an answer to xinhua about 运河区's objects. */
	private List<String> outOfScopeNames() {
		List<String> names = new ArrayList<>();
		names.add(db.select(PERSON.NAME).from(PERSON).where(PERSON.ID.eq(person("130903"))).fetchOne(PERSON.NAME));
		names.add(db.select(PARTY_ORGANISATION.NAME)
			.from(PARTY_ORGANISATION)
			.where(PARTY_ORGANISATION.ID.eq(organisation("130903")))
			.fetchOne(PARTY_ORGANISATION.NAME));
		names.add(db.select(UNIT.NAME).from(UNIT).where(UNIT.ID.eq(unit("130903"))).fetchOne(UNIT.NAME));
		names.add(db.select(REGION.NAME).from(REGION).where(REGION.CODE.eq(village("130903"))).fetchOne(REGION.NAME));
		return names;
	}

	private Map<String, Template> templates() throws Exception {
		long otherPerson = person("130903");
		long otherOrg = organisation("130903");
		long otherUnit = unit("130903");
		String otherVillage = village("130903");
		Map<String, Template> t = new LinkedHashMap<>();
		t.put("POST /api/v1/deployment/liaison-groups", new Template("POST", "/api/v1/deployment/liaison-groups",
				"{\"name\":\"越界包联组\",\"leaderId\":\"@leaderId\",\"region\":\"@region\",\"memberIds\":[\"@memberIds\"],"
						+ "\"communityCodes\":[\"@communityCodes\"]}",
				Map.of("leaderId", otherPerson, "region", "130903", "memberIds", otherPerson, "communityCodes",
						otherVillage),
				Map.of("leaderId", MISSING_ID, "region", MISSING_CODE, "memberIds", MISSING_ID, "communityCodes",
						MISSING_CODE)));
		t.put("POST /api/v1/deployment/teams",
				new Template("POST", "/api/v1/deployment/teams",
						"{\"name\":\"越界突击队\",\"partyOrganisationId\":\"@partyOrganisationId\",\"region\":\"@region\","
								+ "\"leaderId\":\"@leaderId\"}",
						Map.of("partyOrganisationId", otherOrg, "region", "130903", "leaderId", otherPerson),
						Map.of("partyOrganisationId", MISSING_ID, "region", MISSING_CODE, "leaderId", MISSING_ID)));
		t.put("POST /api/v1/deployment/zones",
				new Template("POST", "/api/v1/deployment/zones",
						"{\"personId\":\"@personId\",\"region\":\"@region\",\"area\":\"越界责任区\"}",
						Map.of("personId", otherPerson, "region", "130903"),
						Map.of("personId", MISSING_ID, "region", MISSING_CODE)));
		long mask = db.select(cn.huoxian.db.Tables.SUPPLY_ITEM.ID)
			.from(cn.huoxian.db.Tables.SUPPLY_ITEM)
			.where(cn.huoxian.db.Tables.SUPPLY_ITEM.CODE.eq("MASK"))
			.fetchOne(cn.huoxian.db.Tables.SUPPLY_ITEM.ID);
		t.put("POST /api/v1/supplies/stocks/{regionCode}/receive",
				new Template("POST", "/api/v1/supplies/stocks/{regionCode}/receive",
						"{\"itemId\":" + mask + ",\"quantity\":1}", Map.of("regionCode", "130903"),
						Map.of("regionCode", MISSING_CODE)));
		t.put("POST /api/v1/supplies/requests",
				new Template("POST", "/api/v1/supplies/requests",
						"{\"regionCode\":\"@regionCode\",\"itemId\":" + mask + ",\"quantity\":1}",
						Map.of("regionCode", otherVillage), Map.of("regionCode", MISSING_CODE)));
		long supplyRequest = created("admin", "/api/v1/supplies/requests",
				"{\"regionCode\":\"" + village("130902") + "\",\"itemId\":" + mask + ",\"quantity\":1}");
		t.put("POST /api/v1/supplies/requests/{id}/allocate",
				new Template("POST", "/api/v1/supplies/requests/" + supplyRequest + "/allocate",
						"{\"fromRegionCode\":\"@fromRegionCode\"}", Map.of("fromRegionCode", "130903"),
						Map.of("fromRegionCode", MISSING_CODE)));
		t.put("POST /api/v1/supplies/units/{unitId}/receive",
				new Template("POST", "/api/v1/supplies/units/{unitId}/receive",
						"{\"itemId\":" + mask + ",\"quantity\":1}", Map.of("unitId", otherUnit),
						Map.of("unitId", MISSING_ID)));
		t.put("POST /api/v1/supplies/shortages/{shortageId}/allocate",
				new Template("POST", "/api/v1/supplies/shortages/{shortageId}/allocate",
						"{\"itemId\":" + mask + ",\"quantity\":1}", Map.of("shortageId", shortage("130903")),
						Map.of("shortageId", MISSING_ID)));
		String reportDay = java.time.LocalDate.now(cn.huoxian.shared.BusinessDay.ZONE).toString();
		t.put("PUT /api/v1/reports/daily/{regionCode}/{date}",
				new Template("PUT", "/api/v1/reports/daily/{regionCode}/" + reportDay, "{\"zero\":true}",
						Map.of("regionCode", otherVillage), Map.of("regionCode", MISSING_CODE)));
		t.put("POST /api/v1/reports/daily/{regionCode}/{date}/reopen",
				new Template("POST", "/api/v1/reports/daily/{regionCode}/" + reportDay + "/reopen",
						"{\"reason\":\"越界退回\"}", Map.of("regionCode", otherVillage),
						Map.of("regionCode", MISSING_CODE)));
		t.put("POST /api/v1/isolation/cases",
				new Template("POST", "/api/v1/isolation/cases",
						"{\"personId\":\"@personId\",\"type\":\"HOME_ISOLATION\",\"reason\":\"CLOSE_CONTACT\","
								+ "\"responsibleIds\":[\"@responsibleIds\"]}",
						Map.of("personId", otherPerson, "responsibleIds", otherPerson),
						Map.of("personId", MISSING_ID, "responsibleIds", MISSING_ID)));
		t.put("POST /api/v1/isolation/cases#flag", new Template("POST", "/api/v1/isolation/cases",
				"{\"personId\":\"@personId\",\"type\":\"MEDICAL_OBSERVATION\",\"reason\":\"FLAGGED_IN_SCREENING\","
						+ "\"flagId\":\"@flagId\",\"responsibleIds\":[\"@responsibleIds\"]}",
				Map.of("flagId", otherFlag), Map.of("flagId", MISSING_ID)));
		t.put("POST /api/v1/units",
				new Template("POST", "/api/v1/units",
						"{\"code\":\"RS" + System.nanoTime() % 1_000_000_000L
								+ "\",\"name\":\"越界单位\",\"kind\":\"GOVERNMENT_ORGAN\",\"regionCode\":\"@regionCode\","
								+ "\"partyOrganisationId\":\"@partyOrganisationId\"}",
						Map.of("regionCode", "130903", "partyOrganisationId", otherOrg),
						Map.of("regionCode", MISSING_CODE, "partyOrganisationId", MISSING_ID)));
		t.put("POST /api/v1/party-organisations", new Template("POST", "/api/v1/party-organisations",
				"{\"code\":\"RS" + System.nanoTime() % 1_000_000_000L
						+ "\",\"name\":\"越界支部\",\"kind\":\"BRANCH\",\"parentId\":\"@parentId\","
						+ "\"regionCode\":\"@regionCode\"}",
				Map.of("parentId", otherOrg, "regionCode", "130903"),
				Map.of("parentId", MISSING_ID, "regionCode", MISSING_CODE)));
		t.put("POST /api/v1/party-organisations#unit",
				new Template("POST", "/api/v1/party-organisations",
						"{\"code\":\"RU" + System.nanoTime() % 1_000_000_000L
								+ "\",\"name\":\"越界单位党支部\",\"kind\":\"BRANCH\",\"unitId\":\"@unitId\"}",
						Map.of("unitId", otherUnit), Map.of("unitId", MISSING_ID)));
		t.put("POST /api/v1/persons", new Template("POST", "/api/v1/persons", personBody("130902199001011234"),
				personOutOfScope(otherUnit, otherOrg, otherVillage), personMissing()));
		t.put("POST /api/v1/persons#resident",
				new Template("POST", "/api/v1/persons", residentBody("130902199001011234"),
						Map.of("householdId", household("130903")), Map.of("householdId", MISSING_ID)));
		t.put("POST /api/v1/regions",
				new Template("POST", "/api/v1/regions",
						"{\"code\":\"130902999000\",\"name\":\"越界街道\",\"parentCode\":\"@parentCode\"}",
						Map.of("parentCode", "130903"), Map.of("parentCode", MISSING_CODE)));
		String today = LocalDate.now().toString();
		String later = LocalDate.now().plusDays(7).toString();
		Map<String, Object> person = Map.of("personId", otherPerson);
		Map<String, Object> noPerson = Map.of("personId", MISSING_ID);
		String deployment = "/api/v1/deployment";
		t.put("POST /api/v1/deployment/pairings", new Template("POST", deployment + "/pairings",
				"{\"unitCode\":\"@unitCode\",\"communityCode\":\"@communityCode\",\"liaisonLeaderId\":\"@liaisonLeaderId\","
						+ "\"responsiblePersonId\":\"@responsiblePersonId\",\"teamMemberIds\":[\"@teamMemberIds\"]}",
				Map.of("unitCode", otherUnitCode(), "communityCode", otherVillage, "liaisonLeaderId", otherPerson,
						"responsiblePersonId", otherPerson, "teamMemberIds", otherPerson),
				Map.of("unitCode", MISSING_CODE, "communityCode", MISSING_CODE, "liaisonLeaderId", MISSING_ID,
						"responsiblePersonId", MISSING_ID, "teamMemberIds", MISSING_ID)));
		t.put("PATCH /api/v1/deployment/pairings/{id}",
				new Template("PATCH", deployment + "/pairings/" + pairing,
						"{\"liaisonLeaderId\":\"@liaisonLeaderId\",\"responsiblePersonId\":\"@responsiblePersonId\"}",
						Map.of("liaisonLeaderId", otherPerson, "responsiblePersonId", otherPerson),
						Map.of("liaisonLeaderId", MISSING_ID, "responsiblePersonId", MISSING_ID)));
		t.put("POST /api/v1/deployment/pairings/{id}/team", new Template("POST",
				deployment + "/pairings/" + pairing + "/team", "{\"personId\":\"@personId\"}", person, noPerson));
		t.put("DELETE /api/v1/deployment/pairings/{id}/team/{personId}", new Template("DELETE",
				deployment + "/pairings/" + pairing + "/team/{personId}", null, person, noPerson));
		String group = deployment + "/liaison-groups/" + liaisonGroup;
		t.put("POST /api/v1/deployment/liaison-groups/{id}/members",
				new Template("POST", group + "/members", "{\"personId\":\"@personId\"}", person, noPerson));
		t.put("DELETE /api/v1/deployment/liaison-groups/{id}/members/{personId}",
				new Template("DELETE", group + "/members/{personId}", null, person, noPerson));
		t.put("POST /api/v1/deployment/liaison-groups/{id}/communities",
				new Template("POST", group + "/communities", "{\"communityCode\":\"@communityCode\"}",
						Map.of("communityCode", otherVillage), Map.of("communityCode", MISSING_CODE)));
		t.put("DELETE /api/v1/deployment/liaison-groups/{id}/communities/{code}", new Template("DELETE",
				group + "/communities/{code}", null, Map.of("code", otherVillage), Map.of("code", MISSING_CODE)));
		t.put("POST /api/v1/deployment/deployments", new Template("POST", deployment + "/deployments",
				"{\"personId\":\"@personId\",\"postKind\":\"REGION\",\"region\":\"@region\",\"duty\":\"越界值守\","
						+ "\"startDate\":\"" + today + "\"}",
				Map.of("personId", otherPerson, "region", "130903"),
				Map.of("personId", MISSING_ID, "region", MISSING_CODE))
			.with(Map.of("personId", deployable)));
		// a team post takes its region from the team
		t.put("POST /api/v1/deployment/deployments#team",
				new Template("POST", deployment + "/deployments",
						"{\"personId\":\"@personId\",\"postKind\":\"TEAM\",\"teamId\":\"@teamId\",\"duty\":\"越界值守\","
								+ "\"startDate\":\"" + today + "\"}",
						Map.of("teamId", otherTeam), Map.of("teamId", MISSING_ID))
					.with(Map.of("personId", deployable)));
		t.put("POST /api/v1/deployment/inspections",
				new Template("POST", deployment + "/inspections",
						inspection("\"@inspectorId\"", "\"@targetRegion\"", "\"@liaisonGroupId\"",
								"\"@rectifications[0].ownerId\""),
						Map.of("inspectorId", otherPerson, "targetRegion", "130903", "liaisonGroupId",
								otherLiaisonGroup, "rectifications[0].ownerId", otherPerson),
						Map.of("inspectorId", MISSING_ID, "targetRegion", MISSING_CODE, "liaisonGroupId", MISSING_ID,
								"rectifications[0].ownerId", MISSING_ID)));
		t.put("POST /api/v1/deployment/inspections#unit",
				new Template("POST", deployment + "/inspections",
						inspection("\"@inspectorId\"", "null", "null", "\"@ownerId\"").replace("\"targetRegion\":null",
								"\"targetUnit\":\"@targetUnit\""),
						Map.of("targetUnit", otherUnitCode()), Map.of("targetUnit", MISSING_CODE)));
		t.put("POST /api/v1/deployment/inspections/{id}/rectifications", new Template("POST",
				deployment + "/inspections/" + inspection + "/rectifications",
				"{\"look\":\"LIAISON\",\"item\":\"越界整改\",\"ownerId\":\"@ownerId\",\"deadline\":\"" + later + "\"}",
				Map.of("ownerId", otherPerson), Map.of("ownerId", MISSING_ID)));
		String temporary = deployment + "/temporary-organisations/" + temporaryOrganisation;
		t.put("POST /api/v1/deployment/temporary-organisations/{id}/members",
				new Template("POST", temporary + "/members",
						"{\"personId\":\"@personId\",\"fromUnitId\":\"@fromUnitId\",\"joinedOn\":\"" + today + "\"}",
						Map.of("personId", otherPerson, "fromUnitId", otherUnit),
						Map.of("personId", MISSING_ID, "fromUnitId", MISSING_ID)));
		t.put("DELETE /api/v1/deployment/temporary-organisations/{id}/members/{personId}",
				new Template("DELETE", temporary + "/members/{personId}", null, person, noPerson));
		String team = deployment + "/teams/" + this.team;
		t.put("POST /api/v1/deployment/teams/{id}/members", new Template("POST", team + "/members",
				"{\"personId\":\"@personId\",\"joinedOn\":\"" + today + "\"}", person, noPerson));
		t.put("POST /api/v1/deployment/teams/{id}/members/{personId}/leave", new Template("POST",
				team + "/members/{personId}/leave", "{\"leftOn\":\"" + today + "\"}", person, noPerson));
		t.put("POST /api/v1/deployment/model-posts", new Template("POST", deployment + "/model-posts",
				"{\"name\":\"越界示范岗\",\"partyOrganisationId\":\"@partyOrganisationId\",\"holderId\":\"@holderId\","
						+ "\"region\":\"@region\",\"designatedOn\":\"" + today + "\"}",
				Map.of("partyOrganisationId", otherOrg, "holderId", otherPerson, "region", "130903"),
				Map.of("partyOrganisationId", MISSING_ID, "holderId", MISSING_ID, "region", MISSING_CODE)));
		t.put("POST /api/v1/deployment/claimed-posts",
				new Template("POST", deployment + "/claimed-posts",
						"{\"personId\":\"@personId\",\"post\":\"越界认领岗\",\"region\":\"@region\",\"claimedOn\":\"" + today
								+ "\"}",
						Map.of("personId", otherPerson, "region", "130903"),
						Map.of("personId", MISSING_ID, "region", MISSING_CODE)));
		t.put("POST /api/v1/deployment/battle-requests", new Template("POST", deployment + "/battle-requests",
				"{\"personId\":\"@personId\",\"submittedOn\":\"" + today + "\",\"text\":\"越界请战\"}", person, noPerson));
		t.put("POST /api/v1/deployment/battle-requests/{id}/accept",
				new Template("POST", deployment + "/battle-requests/" + battleRequest + "/accept",
						"{\"teamId\":\"@teamId\"}", Map.of("teamId", otherTeam), Map.of("teamId", MISSING_ID)));
		t.put("POST /api/v1/deployment/household-links",
				new Template("POST", deployment + "/household-links",
						"{\"partyMemberId\":\"@partyMemberId\",\"householdId\":\"@householdId\",\"linkedOn\":\"" + today
								+ "\"}",
						Map.of("partyMemberId", otherPerson, "householdId", household("130903")),
						Map.of("partyMemberId", MISSING_ID, "householdId", MISSING_ID)));
		String isolation = "/api/v1/isolation";
		t.put("POST /api/v1/isolation/cases/{id}/contacts", new Template("POST",
				isolation + "/cases/" + isolationCase + "/contacts",
				"{\"contactedAt\":\"" + java.time.OffsetDateTime.now().minusMinutes(5)
						+ "\",\"channel\":\"PHONE\",\"reached\":true,\"partyOrganisationId\":\"@partyOrganisationId\"}",
				Map.of("partyOrganisationId", otherOrg), Map.of("partyOrganisationId", MISSING_ID)));
		t.put("POST /api/v1/isolation/cases/{id}/needs",
				new Template("POST", isolation + "/cases/" + isolationCase + "/needs",
						"{\"kind\":\"NECESSITIES\",\"description\":\"越界代购\",\"helperId\":\"@helperId\"}",
						Map.of("helperId", otherPerson), Map.of("helperId", MISSING_ID)));
		t.put("POST /api/v1/isolation/needs/{id}/delivery",
				new Template("POST", isolation + "/needs/" + need + "/delivery", "{\"helperId\":\"@helperId\"}",
						Map.of("helperId", otherPerson), Map.of("helperId", MISSING_ID)));
		t.put("POST /api/v1/record/worklog",
				new Template(worklogAuthor, "POST", "/api/v1/record/worklog",
						"{\"day\":\"" + today + "\",\"text\":\"越界纪实\",\"witnessIds\":[\"@witnessIds\"]}",
						Map.of("witnessIds", otherPerson), Map.of("witnessIds", MISSING_ID)));
		t.put("POST /api/v1/screening/campaigns",
				new Template("POST", "/api/v1/screening/campaigns",
						"{\"name\":\"越界排查\",\"rootRegion\":\"@rootRegion\",\"startsOn\":\"" + today + "\",\"endsOn\":\""
								+ later + "\"}",
						Map.of("rootRegion", "130903"), Map.of("rootRegion", MISSING_CODE)));
		t.put("POST /api/v1/assessment/rounds",
				new Template(evaluator, "POST", "/api/v1/assessment/rounds",
						"{\"name\":\"越界考核\",\"region\":\"@region\"}", Map.of("region", "130903"),
						Map.of("region", MISSING_CODE)));
		t.put("PUT /api/v1/units/{id}",
				new Template("PUT", "/api/v1/units/" + ownUnit,
						"{\"code\":\"" + ownUnitCode + "\",\"name\":\"范围单位\",\"kind\":\"GOVERNMENT_ORGAN\","
								+ "\"regionCode\":\"@regionCode\",\"partyOrganisationId\":\"@partyOrganisationId\"}",
						Map.of("regionCode", "130903", "partyOrganisationId", otherOrg),
						Map.of("regionCode", MISSING_CODE, "partyOrganisationId", MISSING_ID)));
		String organisationPut = "{\"code\":\"" + ownOrganisationCode + "\",\"name\":\"范围支部\",\"kind\":\"BRANCH\",";
		t.put("PUT /api/v1/party-organisations/{id}",
				new Template("PUT", "/api/v1/party-organisations/" + ownOrganisation,
						organisationPut + "\"regionCode\":\"@regionCode\"}", Map.of("regionCode", "130903"),
						Map.of("regionCode", MISSING_CODE)));
		t.put("PUT /api/v1/party-organisations/{id}#parent",
				new Template("PUT", "/api/v1/party-organisations/" + ownOrganisation,
						organisationPut + "\"parentId\":\"@parentId\",\"regionCode\":\"130902\"}",
						Map.of("parentId", otherOrg), Map.of("parentId", MISSING_ID)));
		t.put("PUT /api/v1/party-organisations/{id}#unit",
				new Template("PUT", "/api/v1/party-organisations/" + ownOrganisation,
						organisationPut + "\"unitId\":\"@unitId\"}", Map.of("unitId", otherUnit),
						Map.of("unitId", MISSING_ID)));
		t.put("PUT /api/v1/persons/{id}", new Template("PUT", "/api/v1/persons/" + ownPerson,
				personBody(ownPersonIdNumber), personOutOfScope(otherUnit, otherOrg, otherVillage), personMissing()));
		t.put("PUT /api/v1/persons/{id}#resident",
				new Template("PUT", "/api/v1/persons/" + ownPerson, residentBody(ownPersonIdNumber),
						Map.of("householdId", household("130903")), Map.of("householdId", MISSING_ID)));
		t.put("POST /api/v1/households",
				new Template("POST", "/api/v1/households", "{\"regionCode\":\"@regionCode\",\"address\":\"越界路1号\"}",
						Map.of("regionCode", otherVillage), Map.of("regionCode", MISSING_CODE)));
		t.put("PUT /api/v1/households/{id}",
				new Template("PUT", "/api/v1/households/" + household("130902"),
						"{\"regionCode\":\"@regionCode\",\"address\":\"越界路1号\"}", Map.of("regionCode", otherVillage),
						Map.of("regionCode", MISSING_CODE)));
		dutyTemplates(t, otherPerson, otherOrg, otherUnit);
		volunteerTemplates(t, otherPerson, otherUnit, otherVillage);
		return t;
	}

	/**
	 * Checkpoints, shifts and swaps: next week's rosters of a checkpoint in 新华区 and one
	 * in 运河区; xinhua's person on the first shift of theirs, a colleague on the second; a
	 * swap between two people in 运河区.
	 */
	private void dutyTemplates(Map<String, Template> t, long otherPerson, long otherOrg, long otherUnit)
			throws Exception {
		var shift = cn.huoxian.db.Tables.DUTY_SHIFT;
		var assignment = cn.huoxian.db.Tables.DUTY_ASSIGNMENT;
		String week = LocalDate.now(cn.huoxian.shared.BusinessDay.ZONE).plusDays(7).toString();
		String body = "{\"name\":\"范围卡口\",\"kind\":\"ROAD\",\"regionCode\":\"%s\",\"unitIds\":[%d],"
				+ "\"minStaff\":1,\"pattern\":\"DAYTIME\"}";
		long ours = created("admin", "/api/v1/duty/checkpoints", body.formatted("130902", unit("130902")));
		long theirs = created("admin", "/api/v1/duty/checkpoints", body.formatted("130903", otherUnit));
		List<Long> ourShifts = new ArrayList<>();
		List<Long> theirShifts = new ArrayList<>();
		for (long checkpoint : List.of(ours, theirs)) {
			MockHttpServletResponse made = mvc
				.perform(as(mvc, "admin",
						request(HttpMethod.POST, "/api/v1/duty/checkpoints/" + checkpoint + "/roster?week=" + week)))
				.andReturn()
				.getResponse();
			assertThat(made.getStatus()).as(made.getContentAsString()).isEqualTo(200);
			(checkpoint == ours ? ourShifts : theirShifts).addAll(db.select(shift.ID)
				.from(shift)
				.where(shift.CHECKPOINT_ID.eq(checkpoint))
				.orderBy(shift.STARTS_AT)
				.fetch(shift.ID));
		}
		long self = db.select(DSL.field("person_id", Long.class))
			.from(DSL.table("account"))
			.where(DSL.field("username").eq("xinhua"))
			.fetchOne(DSL.field("person_id", Long.class));
		long colleague = partyMember("130902");
		for (long[] on : List.of(new long[] { ourShifts.get(0), self }, new long[] { ourShifts.get(1), colleague },
				new long[] { theirShifts.get(0), otherPerson },
				new long[] { theirShifts.get(1), person("130903") + 1 })) {
			db.insertInto(assignment, assignment.SHIFT_ID, assignment.PERSON_ID, assignment.ASSIGNED_BY)
				.values(on[0], on[1], "test")
				.onDuplicateKeyIgnore()
				.execute();
		}
		var swap = cn.huoxian.db.Tables.DUTY_SWAP;
		long theirSwap = db
			.insertInto(swap, swap.SHIFT_ID, swap.PERSON_ID, swap.OTHER_SHIFT_ID, swap.OTHER_PERSON_ID, swap.STATUS,
					swap.ASKED_BY, swap.ASKED_AT)
			.values(theirShifts.get(0), otherPerson, theirShifts.get(1), person("130903") + 1, "ASKED", "test",
					java.time.OffsetDateTime.now())
			.returning(swap.ID)
			.fetchOne(swap.ID);
		t.put("POST /api/v1/duty/checkpoints", new Template("POST", "/api/v1/duty/checkpoints",
				"{\"name\":\"越界卡口\",\"kind\":\"ROAD\",\"regionCode\":\"@regionCode\","
						+ "\"partyOrganisationId\":\"@partyOrganisationId\",\"unitIds\":[\"@unitIds\"],\"minStaff\":1}",
				Map.of("regionCode", "130903", "partyOrganisationId", otherOrg, "unitIds", otherUnit),
				Map.of("regionCode", MISSING_CODE, "partyOrganisationId", MISSING_ID, "unitIds", MISSING_ID))
			.with(Map.of("unitIds", unit("130902"))));
		t.put("POST /api/v1/duty/checkpoints/{checkpointId}/roster",
				new Template("POST", "/api/v1/duty/checkpoints/{checkpointId}/roster?week=" + week, null,
						Map.of("checkpointId", theirs), Map.of("checkpointId", MISSING_ID)));
		t.put("POST /api/v1/duty/shifts/{shiftId}/staff#shift",
				new Template("POST", "/api/v1/duty/shifts/{shiftId}/staff", "{\"personId\":\"@personId\"}",
						Map.of("shiftId", theirShifts.get(2)), Map.of("shiftId", MISSING_ID)));
		t.put("POST /api/v1/duty/shifts/{shiftId}/staff",
				new Template("POST", "/api/v1/duty/shifts/" + ourShifts.get(0) + "/staff",
						"{\"personId\":\"@personId\",\"replacesId\":\"@replacesId\"}",
						Map.of("personId", otherPerson, "replacesId", otherPerson),
						Map.of("personId", MISSING_ID, "replacesId", MISSING_ID))
					.with(Map.of("replacesId", self)));
		t.put("DELETE /api/v1/duty/shifts/{shiftId}/staff/{personId}",
				new Template("DELETE", "/api/v1/duty/shifts/{shiftId}/staff/" + otherPerson, null,
						Map.of("shiftId", theirShifts.get(0)), Map.of("shiftId", MISSING_ID)));
		t.put("DELETE /api/v1/duty/shifts/{shiftId}/staff/{personId}#person",
				new Template("DELETE", "/api/v1/duty/shifts/" + ourShifts.get(0) + "/staff/{personId}", null,
						Map.of("personId", otherPerson), Map.of("personId", MISSING_ID)));
		t.put("PUT /api/v1/duty/shifts/{shiftId}/log",
				new Template("PUT", "/api/v1/duty/shifts/{shiftId}/log",
						"{\"onDutyAt\":\"" + week + "T08:00:00+08:00\"}", Map.of("shiftId", theirShifts.get(0)),
						Map.of("shiftId", MISSING_ID)));
		t.put("POST /api/v1/duty/swaps", new Template("POST", "/api/v1/duty/swaps",
				"{\"shiftId\":\"@shiftId\",\"otherShiftId\":\"@otherShiftId\",\"otherPersonId\":\"@otherPersonId\"}",
				Map.of("shiftId", theirShifts.get(0), "otherShiftId", theirShifts.get(1), "otherPersonId", otherPerson),
				Map.of("shiftId", MISSING_ID, "otherShiftId", MISSING_ID, "otherPersonId", MISSING_ID))
			.with(Map.of("shiftId", ourShifts.get(0), "otherShiftId", ourShifts.get(1), "otherPersonId", colleague)));
		for (String answer : List.of("accept", "decline", "withdraw")) {
			t.put("POST /api/v1/duty/swaps/{swapId}/" + answer,
					new Template("POST", "/api/v1/duty/swaps/{swapId}/" + answer, null, Map.of("swapId", theirSwap),
							Map.of("swapId", MISSING_ID)));
		}
	}

	/**
	 * 双报到: a need of a community in 运河区 with a claim on it, and a 运河区 unit's report in to
	 * that community.
	 */
	private void volunteerTemplates(Map<String, Template> t, long otherPerson, long otherUnit, String otherVillage)
			throws Exception {
		String tomorrow = LocalDate.now(cn.huoxian.shared.BusinessDay.ZONE).plusDays(1).toString();
		String need = "{\"communityCode\":\"%s\",\"kind\":\"LOGISTICS\",\"title\":\"范围需求\",\"startsAt\":\"" + tomorrow
				+ "T08:00:00+08:00\",\"endsAt\":\"" + tomorrow + "T10:00:00+08:00\",\"people\":2}";
		long theirNeed = created("admin", "/api/v1/volunteer/needs", need.formatted(otherVillage));
		var claim = cn.huoxian.db.Tables.VOLUNTEER_CLAIM;
		long theirClaim = db.insertInto(claim, claim.NEED_ID, claim.PERSON_ID, claim.STATUS, claim.CLAIMED_AT)
			.values(theirNeed, otherPerson, "CLAIMED", java.time.OffsetDateTime.now())
			.returning(claim.ID)
			.fetchOne(claim.ID);
		long theirReport = created("admin", "/api/v1/volunteer/unit-reports",
				"{\"unitId\":" + otherUnit + ",\"communityCode\":\"" + otherVillage + "\"}");
		t.put("POST /api/v1/volunteer/unit-reports",
				new Template("POST", "/api/v1/volunteer/unit-reports",
						"{\"unitId\":\"@unitId\",\"communityCode\":\"@communityCode\"}",
						Map.of("unitId", otherUnit, "communityCode", otherVillage),
						Map.of("unitId", MISSING_ID, "communityCode", MISSING_CODE)));
		t.put("POST /api/v1/volunteer/unit-reports/{reportId}/receipt",
				new Template("POST", "/api/v1/volunteer/unit-reports/{reportId}/receipt", null,
						Map.of("reportId", theirReport), Map.of("reportId", MISSING_ID)));
		t.put("POST /api/v1/volunteer/registrations", new Template("POST", "/api/v1/volunteer/registrations",
				"{\"personId\":\"@personId\"}", Map.of("personId", otherPerson), Map.of("personId", MISSING_ID)));
		t.put("POST /api/v1/volunteer/needs",
				new Template("POST", "/api/v1/volunteer/needs", need.replace("\"%s\"", "\"@communityCode\""),
						Map.of("communityCode", otherVillage), Map.of("communityCode", MISSING_CODE)));
		for (String action : List.of("cancel", "claims")) {
			t.put("POST /api/v1/volunteer/needs/{needId}/" + action,
					new Template("POST", "/api/v1/volunteer/needs/{needId}/" + action, null,
							Map.of("needId", theirNeed), Map.of("needId", MISSING_ID)));
		}
		for (String action : List.of("withdraw", "confirm", "absent")) {
			t.put("POST /api/v1/volunteer/claims/{claimId}/" + action,
					new Template("POST", "/api/v1/volunteer/claims/{claimId}/" + action,
							"confirm".equals(action) ? "{\"hours\":2}" : null, Map.of("claimId", theirClaim),
							Map.of("claimId", MISSING_ID)));
		}
	}

	// ---- the records in 新华区 that the writes act on, made once per run

	private long county;

	private long township;

	/** A cadre who holds no position yet. */
	private long deployable;

	private long pairing;

	private String pairingVillage;

	private long liaisonGroup;

	private long otherLiaisonGroup;

	private long team;

	private long otherTeam;

	private long inspection;

	private long temporaryOrganisation;

	private long battleRequest;

	private long isolationCase;

	private long need;

	/** A resident of 运河区 flagged in screening. */
	private long otherFlag;

	private long ownUnit;

	private String ownUnitCode;

	private String pairingUnitCode;

	private long ownOrganisation;

	private String ownOrganisationCode;

	private long ownPerson;

	private String ownPersonIdNumber;

	private String worklogAuthor;

	private String evaluator;

	@Autowired
	Accounts accounts;

	private void prepare() throws Exception {
		township = newPerson("admin", "[{\"role\":\"CADRE\",\"rank\":\"TOWNSHIP\",\"position\":\"乡级干部\"}]");
		ownUnitCode = "RS" + Api.unique() + System.nanoTime() % 100_000;
		ownUnit = created("admin", "/api/v1/units", "{\"code\":\"" + ownUnitCode
				+ "\",\"name\":\"范围单位\",\"kind\":\"GOVERNMENT_ORGAN\",\"regionCode\":\"130902\"}");
		county = newPerson("admin",
				"[{\"role\":\"CADRE\",\"rank\":\"COUNTY\",\"position\":\"县级干部\",\"unitId\":" + ownUnit + "}]");
		deployable = newPerson("admin", "[{\"role\":\"CADRE\",\"rank\":\"STAFF\",\"position\":\"干部\"}]");
		pairingUnitCode = "RP" + Api.unique() + System.nanoTime() % 100_000;
		created("admin", "/api/v1/units", "{\"code\":\"" + pairingUnitCode
				+ "\",\"name\":\"结对范围单位\",\"kind\":\"GOVERNMENT_ORGAN\",\"regionCode\":\"130902\"}");
		String otherUnitCode = "RQ" + Api.unique() + System.nanoTime() % 100_000;
		long pairedUnit = created("admin", "/api/v1/units", "{\"code\":\"" + otherUnitCode
				+ "\",\"name\":\"已结对单位\",\"kind\":\"GOVERNMENT_ORGAN\",\"regionCode\":\"130902\"}");
		pairing = created("xinhua", "/api/v1/deployment/pairings",
				"{\"unitCode\":\"" + otherUnitCode + "\",\"communityCode\":\"" + freshVillage()
						+ "\",\"liaisonLeaderId\":" + county + ",\"responsiblePersonId\":" + township + "}");
		pairingVillage = freshVillage();
		long member = partyMember("130902");
		liaisonGroup = created("xinhua", "/api/v1/deployment/liaison-groups",
				"{\"name\":\"范围包联组\",\"leaderId\":" + member + ",\"region\":\"130902\"}");
		otherLiaisonGroup = created("admin", "/api/v1/deployment/liaison-groups",
				"{\"name\":\"运河区包联组\",\"leaderId\":" + cadre("130903") + ",\"region\":\"130903\"}");
		team = created("xinhua", "/api/v1/deployment/teams", "{\"name\":\"范围突击队\",\"partyOrganisationId\":"
				+ organisation("130902") + ",\"region\":\"130902\",\"leaderId\":" + member + "}");
		otherTeam = created("admin", "/api/v1/deployment/teams", "{\"name\":\"运河区突击队\",\"partyOrganisationId\":"
				+ organisation("130903") + ",\"region\":\"130903\",\"leaderId\":" + partyMember("130903") + "}");
		inspection = created("xinhua", "/api/v1/deployment/inspections",
				inspection(String.valueOf(county), "\"" + township() + "\"", "null", String.valueOf(township)));
		ownOrganisationCode = "RO" + Api.unique() + System.nanoTime() % 100_000;
		ownOrganisation = created("admin", "/api/v1/party-organisations", "{\"code\":\"" + ownOrganisationCode
				+ "\",\"name\":\"范围支部\",\"kind\":\"BRANCH\",\"regionCode\":\"130902\"}");
		String temporaryCode = "RT" + Api.unique() + System.nanoTime() % 100_000;
		temporaryOrganisation = created("admin", "/api/v1/party-organisations",
				"{\"code\":\"" + temporaryCode
						+ "\",\"name\":\"范围临时党支部\",\"kind\":\"BRANCH\",\"regionCode\":\"130902\","
						+ "\"temporary\":true,\"category\":\"TRANSPORT_QUARANTINE\",\"post\":\"高速卡口\",\"setUpOn\":\""
						+ LocalDate.now().minusDays(10) + "\"}");
		battleRequest = created("xinhua", "/api/v1/deployment/battle-requests",
				"{\"personId\":" + member + ",\"text\":\"范围请战\"}");
		long patient = newPerson("admin", "[]");
		isolationCase = created("xinhua", "/api/v1/isolation/cases", "{\"personId\":" + patient
				+ ",\"type\":\"HOME_ISOLATION\",\"reason\":\"CLOSE_CONTACT\",\"responsibleIds\":[" + member + "]}");
		need = created("xinhua", "/api/v1/isolation/cases/" + isolationCase + "/needs",
				"{\"kind\":\"NECESSITIES\",\"description\":\"代购米面油\"}");
		otherFlag = flag("130903");
		ownPersonIdNumber = idNumber();
		ownPerson = created("admin", "/api/v1/persons", "{\"name\":\"范围人员\",\"idNumber\":\"" + ownPersonIdNumber
				+ "\",\"regionCode\":\"130902\",\"roles\":[]}");
		worklogAuthor = "rs" + Api.unique() + System.nanoTime() % 100_000;
		accounts.create(new NewAccount(worklogAuthor, Api.PASSWORD, Role.REGION_STAFF, county,
				List.of(ScopeRoot.region("130902"))));
		evaluator = "re" + Api.unique() + System.nanoTime() % 100_000;
		accounts
			.create(new NewAccount(evaluator, Api.PASSWORD, Role.EVALUATOR, null, List.of(ScopeRoot.region("130902"))));
		// pairedUnit keeps the pairing's unit out of the sweep of a fresh pairing
		assertThat(pairedUnit).isPositive();
	}

	/** A new village in a township of 新华区, paired with no unit yet. */
	private String freshVillage() throws Exception {
		String township = township();
		for (int n = 0; n < 50; n++) {
			String code = township.substring(0, 9) + (500 + (System.nanoTime() / 1000 + n) % 500);
			int status = mvc
				.perform(as(mvc, "admin", request(HttpMethod.POST, "/api/v1/regions"))
					.contentType(MediaType.APPLICATION_JSON)
					.content("{\"code\":\"" + code + "\",\"name\":\"范围社区\",\"parentCode\":\"" + township + "\"}"))
				.andReturn()
				.getResponse()
				.getStatus();
			if (status == 201) {
				return code;
			}
		}
		throw new IllegalStateException("no free village code under " + township);
	}

	private String township() {
		return db.select(REGION.CODE)
			.from(REGION)
			.where(REGION.PATH.like("%/130902/%"))
			.and(REGION.REGION_LEVEL.eq("TOWNSHIP"))
			.orderBy(REGION.CODE)
			.limit(1)
			.fetchOne(REGION.CODE);
	}

	/** A flag raised on a resident of this county by a visit in a new campaign. */
	private long flag(String county) throws Exception {
		LocalDate today = LocalDate.now();
		long campaign = created("admin", "/api/v1/screening/campaigns", "{\"name\":\"范围排查\",\"rootRegion\":\"" + county
				+ "\",\"startsOn\":\"" + today.minusDays(1) + "\",\"endsOn\":\"" + today.plusDays(1) + "\"}");
		long household = db.select(HOUSEHOLD.ID)
			.from(HOUSEHOLD)
			.join(PERSON)
			.on(PERSON.HOUSEHOLD_ID.eq(HOUSEHOLD.ID))
			.where(HOUSEHOLD.PATH.like("%/" + county + "/%"))
			.orderBy(HOUSEHOLD.ID)
			.limit(1)
			.fetchOne(HOUSEHOLD.ID);
		StringBuilder checks = new StringBuilder();
		for (Long resident : db.select(PERSON.ID)
			.from(PERSON)
			.where(PERSON.HOUSEHOLD_ID.eq(household))
			.fetch(PERSON.ID)) {
			checks.append(checks.isEmpty() ? "" : ",")
				.append("{\"personId\":")
				.append(resident)
				.append(",\"status\":\"PRESENT\",\"temperature\":38.1}");
		}
		MockHttpServletResponse visit = mvc
			.perform(as(mvc, "admin", request(HttpMethod.POST, "/api/v1/screening/campaigns/" + campaign + "/visits"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("[{\"visitId\":\"" + java.util.UUID.randomUUID() + "\",\"householdId\":" + household
						+ ",\"visitedAt\":\"" + java.time.OffsetDateTime.now().minusMinutes(3)
						+ "\",\"outcome\":\"COVERED\",\"residents\":[" + checks + "]}]"))
			.andReturn()
			.getResponse();
		assertThat(visit.getStatus()).as(visit.getContentAsString()).isEqualTo(200);
		return db.select(DSL.field("id", Long.class))
			.from(DSL.table("screening_flag"))
			.where(DSL.field("campaign_id", Long.class).eq(campaign))
			.orderBy(DSL.field("id"))
			.limit(1)
			.fetchOne(DSL.field("id", Long.class));
	}

	private static String idNumber() {
		return cn.huoxian.support.TestIdNumbers.fresh();
	}

	private long cadre(String county) {
		return db.select(PERSON.ID)
			.from(PERSON)
			.join(PERSON_ROLE)
			.on(PERSON_ROLE.PERSON_ID.eq(PERSON.ID))
			.where(PERSON.PATH.like("%/" + county + "/%"))
			.and(PERSON_ROLE.ROLE.eq("CADRE"))
			.orderBy(PERSON.ID)
			.limit(1)
			.fetchOne(PERSON.ID);
	}

	private long newPerson(String user, String roles) throws Exception {
		return created(user, "/api/v1/persons", "{\"name\":\"范围人员\",\"idNumber\":\"" + idNumber()
				+ "\",\"regionCode\":\"130902\",\"roles\":" + roles + "}");
	}

	/** Posts a body that must be accepted; returns the new record's id. */
	private long created(String user, String path, String body) throws Exception {
		MockHttpServletResponse response = mvc
			.perform(
					as(mvc, user, request(HttpMethod.POST, path)).contentType(MediaType.APPLICATION_JSON).content(body))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).as(path + " " + body + ": " + response.getContentAsString())
			.isBetween(200, 201);
		return ((Number) JsonPath.read(response.getContentAsString(), "$.id")).longValue();
	}

	private static String inspection(String inspector, String region, String group, String owner) {
		StringBuilder looks = new StringBuilder();
		for (String look : List.of("TERRITORIAL_RESPONSIBILITY", "LIAISON", "RESOURCES", "PARTY_ROLE")) {
			looks.append(looks.isEmpty() ? "" : ",").append("{\"look\":\"").append(look).append("\",\"rating\":4}");
		}
		return "{\"inspectorId\":" + inspector + ",\"targetRegion\":" + region + ",\"looks\":[" + looks
				+ "],\"summary\":\"总体较好\",\"liaisonGroupId\":" + group
				+ ",\"rectifications\":[{\"look\":\"LIAISON\",\"item\":\"整改\",\"ownerId\":" + owner + ",\"deadline\":\""
				+ LocalDate.now().plusDays(7) + "\"}]}";
	}

	/** A person with three roles, each naming the records a role may name. */
	private static String personBody(String idNumber) {
		return "{\"name\":\"越界\",\"idNumber\":\"" + idNumber
				+ "\",\"regionCode\":\"@regionCode\",\"roles\":[{\"role\":\"CADRE\",\"rank\":\"STAFF\",\"position\":\"干部\","
				+ "\"unitId\":\"@roles[0].unitId\"},{\"role\":\"PARTY_MEMBER\",\"membership\":\"FORMAL\",\"joinedOn\":\"2010-07-01\","
				+ "\"partyOrganisationId\":\"@roles[1].partyOrganisationId\"},{\"role\":\"FIRST_SECRETARY\","
				+ "\"dispatchingUnitId\":\"@roles[2].dispatchingUnitId\",\"villageCode\":\"@roles[2].villageCode\"}]}";
	}

	/** A resident: a household instead of a region, and no roles. */
	private static String residentBody(String idNumber) {
		return "{\"name\":\"越界\",\"idNumber\":\"" + idNumber + "\",\"householdId\":\"@householdId\",\"roles\":[]}";
	}

	private Map<String, Object> personOutOfScope(long otherUnit, long otherOrg, String otherVillage) {
		return Map.of("regionCode", "130903", "roles[0].unitId", otherUnit, "roles[1].partyOrganisationId", otherOrg,
				"roles[2].dispatchingUnitId", otherUnit, "roles[2].villageCode", otherVillage);
	}

	private static Map<String, Object> personMissing() {
		return Map.of("regionCode", MISSING_CODE, "roles[0].unitId", MISSING_ID, "roles[1].partyOrganisationId",
				MISSING_ID, "roles[2].dispatchingUnitId", MISSING_ID, "roles[2].villageCode", MISSING_CODE);
	}

	private long household(String county) {
		return db.select(HOUSEHOLD.ID)
			.from(HOUSEHOLD)
			.where(HOUSEHOLD.PATH.like("%/" + county + "/%"))
			.orderBy(HOUSEHOLD.ID)
			.limit(1)
			.fetchOne(HOUSEHOLD.ID);
	}

	private String otherUnitCode() {
		return db.select(UNIT.CODE).from(UNIT).where(UNIT.ID.eq(unit("130903"))).fetchOne(UNIT.CODE);
	}

	/** Values in 新华区 for the placeholders not being swept. */
	private Map<String, Object> inScope() {
		long person = partyMember("130902");
		Map<String, Object> values = new LinkedHashMap<>();
		for (String field : List.of("leaderId", "memberIds", "personId", "responsibleIds")) {
			values.put(field, person);
		}
		values.put("partyOrganisationId", organisation("130902"));
		values.put("parentId", organisation("130902"));
		values.put("unitId", unit("130902"));
		values.put("region", "130902");
		values.put("regionCode", "130902");
		values.put("communityCodes", village("130902"));
		for (String field : List.of("teamMemberIds", "holderId", "partyMemberId", "helperId", "ownerId",
				"rectifications[0].ownerId")) {
			values.put(field, person);
		}
		values.put("witnessIds", township);
		values.put("liaisonLeaderId", county);
		values.put("inspectorId", county);
		values.put("responsiblePersonId", township);
		values.put("unitCode", pairingUnitCode);
		values.put("communityCode", pairingVillage);
		values.put("targetRegion", township());
		values.put("targetUnit", ownUnitCode);
		values.put("rootRegion", "130902");
		values.put("liaisonGroupId", liaisonGroup);
		values.put("teamId", team);
		values.put("fromUnitId", unit("130902"));
		values.put("householdId", household("130902"));
		values.put("roles[0].unitId", unit("130902"));
		values.put("roles[2].dispatchingUnitId", unit("130902"));
		values.put("roles[1].partyOrganisationId", organisation("130902"));
		values.put("roles[2].villageCode", village("130902"));
		return values;
	}

	private long partyMember(String county) {
		return db.select(PERSON.ID)
			.from(PERSON)
			.join(PERSON_ROLE)
			.on(PERSON_ROLE.PERSON_ID.eq(PERSON.ID))
			.where(PERSON.PATH.like("%/" + county + "/%"))
			.and(PERSON_ROLE.ROLE.eq("PARTY_MEMBER"))
			.orderBy(PERSON.ID)
			.limit(1)
			.fetchOne(PERSON.ID);
	}

	private Map<String, Integer> counts(List<Table<?>> tables) {
		Map<String, Integer> counts = new LinkedHashMap<>();
		tables.forEach(table -> counts.put(table.getName(), db.fetchCount(table)));
		return counts;
	}

	/** "METHOD path" of every write operation, and its reference fields. */
	private Map<String, Set<String>> writeOperationsWithReferences() throws Exception {
		String docs = mvc.perform(as(mvc, "admin", get("/v3/api-docs"))).andReturn().getResponse().getContentAsString();
		Map<String, Map<String, Object>> paths = JsonPath.read(docs, "$.paths");
		Map<String, Set<String>> found = new LinkedHashMap<>();
		paths.forEach((path, operations) -> operations.forEach((method, value) -> {
			if (!Set.of("post", "put", "patch", "delete").contains(method)) {
				return;
			}
			@SuppressWarnings("unchecked")
			Map<String, Object> operation = (Map<String, Object>) value;
			Set<String> fields = new TreeSet<>();
			Object parameters = operation.get("parameters");
			if (parameters instanceof List<?> list) {
				for (Object p : list) {
					Map<?, ?> parameter = (Map<?, ?>) p;
					String name = String.valueOf(parameter.get("name"));
					if ("path".equals(parameter.get("in")) && REFERENCE.matcher(name).matches()) {
						fields.add(name);
					}
				}
			}
			fields.addAll(bodyReferences(docs, operation));
			// a body typed as a bare map shows no fields: listed empty, its template says
			// which
			found.put(method.toUpperCase() + " " + path, fields);
		}));
		return found;
	}

	private static Set<String> bodyReferences(String docs, Map<String, Object> operation) {
		Set<String> fields = new TreeSet<>();
		Object body = operation.get("requestBody");
		if (!(body instanceof Map<?, ?> requestBody) || !(requestBody.get("content") instanceof Map<?, ?> content)) {
			return fields;
		}
		for (Object media : content.values()) {
			Object schema = ((Map<?, ?>) media).get("schema");
			collect(docs, schema, fields, "", 0);
		}
		return fields;
	}

	/** Reference fields of a schema; nested ones as {@code roles[0].unitId}. */
	private static void collect(String docs, Object schema, Set<String> fields, String prefix, int depth) {
		if (!(schema instanceof Map<?, ?> s) || depth > 3) {
			return;
		}
		if (s.get("$ref") instanceof String ref) {
			String name = ref.substring(ref.lastIndexOf('/') + 1);
			collect(docs, JsonPath.read(docs, "$.components.schemas['" + name + "']"), fields, prefix, depth);
			return;
		}
		if (s.get("properties") instanceof Map<?, ?> properties) {
			properties.forEach((key, property) -> {
				String name = String.valueOf(key);
				Map<?, ?> items = property instanceof Map<?, ?> p && p.get("items") instanceof Map<?, ?> i ? i : null;
				if (items != null && (items.containsKey("$ref") || items.containsKey("properties"))) {
					collect(docs, items, fields, prefix + name + "[0].", depth + 1);
				}
				else if (property instanceof Map<?, ?> p && (p.containsKey("$ref") || p.containsKey("properties"))) {
					collect(docs, property, fields, prefix + name + ".", depth + 1);
				}
				else if (!(prefix.isEmpty() && "code".equals(name)) && REFERENCE.matcher(name).matches()) {
					fields.add(prefix + name);
				}
			});
		}
	}

}

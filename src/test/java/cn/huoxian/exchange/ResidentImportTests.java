package cn.huoxian.exchange;

import static cn.huoxian.exchange.ExchangeFixtures.count;
import static cn.huoxian.exchange.ExchangeFixtures.households;
import static cn.huoxian.exchange.ExchangeFixtures.idNumber;
import static cn.huoxian.exchange.ExchangeFixtures.network;
import static cn.huoxian.exchange.ExchangeFixtures.row;
import static cn.huoxian.exchange.ExchangeFixtures.upload;
import static cn.huoxian.exchange.ExchangeFixtures.withWrongCheckDigit;
import static cn.huoxian.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import cn.huoxian.exchange.ExchangeFixtures.Format;
import cn.huoxian.exchange.ExchangeFixtures.Network;
import cn.huoxian.org.Households;
import cn.huoxian.org.PartyOrganisations;
import cn.huoxian.org.Regions;
import cn.huoxian.people.People;
import cn.huoxian.people.PersonForm;
import cn.huoxian.shared.BusinessDay;
import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.DataScope;
import cn.huoxian.shared.Messages;
import cn.huoxian.shared.RegionPath;
import cn.huoxian.shared.Role;
import cn.huoxian.support.SqlTest;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@SqlTest
class ResidentImportTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Imports imports;

	@Autowired
	Regions regions;

	@Autowired
	Households householdService;

	@Autowired
	People people;

	@Autowired
	PartyOrganisations organisations;

	@Autowired
	Clock clock;

	@ParameterizedTest
	@EnumSource(Format.class)
	void importsResidentsAndPartyMembersAndCountsThem(Format format) throws Exception {
		Network network = network(mvc);
		List<Long> households = households(mvc, network.grid(), 2);
		String organisation = partyOrganisationIn130902();
		String member = idNumber();
		String elsewhere = idNumber();
		upload(mvc, "xinhua", "residents",
				format.file(List.of(row("姓名", "身份证号", "电话", "户编号", "区域代码", "党组织代码", "入党日期"),
						row("张三", idNumber(), "13812345678", households.get(0), "", "", ""),
						row("李四", member, "", households.get(0), "", organisation, LocalDate.of(2001, 7, 1)),
						row("王五", idNumber(), "0317-2345678", households.get(1), "", "", ""),
						row("赵六", elsewhere, "", "", network.village(), "", ""))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.imported").value(4));
		assertThat(count(mvc, network.grid(), "residents")).isEqualTo(3);
		assertThat(count(mvc, network.township(), "residents")).isEqualTo(3);
		assertThat(count(mvc, network.grid(), "partyMembers")).isEqualTo(1);
		mvc.perform(as(mvc, "xinhua", get("/api/v1/households/" + households.get(0))))
			.andExpect(jsonPath("$.residents").value(2));
		mvc.perform(as(mvc, "xinhua", get("/api/v1/persons").param("q", member)))
			.andExpect(jsonPath("$.items[0].name").value("李四"))
			.andExpect(jsonPath("$.items[0].roles", hasItem("PARTY_MEMBER")))
			.andExpect(jsonPath("$.items[0].roleDetails[0].membership").value("FORMAL"))
			.andExpect(jsonPath("$.items[0].roleDetails[0].joinedOn").value("2001-07-01"));
		mvc.perform(as(mvc, "xinhua", get("/api/v1/persons").param("q", elsewhere)))
			.andExpect(jsonPath("$.items[0].householdId").doesNotExist())
			.andExpect(jsonPath("$.items[0].regionCode").value(network.village()));
	}

	@Test
	void reportsAnIdNumberRegisteredMeanwhileAtItsRowAndImportsNothing() throws Exception {
		Network network = network(mvc);
		List<Long> households = households(mvc, network.grid(), 1);
		String first = idNumber();
		String taken = idNumber();
		CurrentUser xinhua = new CurrentUser("xinhua", null, Role.REGION_STAFF,
				DataScope.ofRegions(new RegionPath("/130900/130902/")));
		// someone else registers the second person after the file was checked
		RowImport raced = new CreatedAfterCheck(
				new ResidentImport(regions, householdService, people, organisations, xinhua, BusinessDay.today(clock)),
				() -> people.create(new PersonForm("别人", taken, null, null, network.village(), List.of()), xinhua));

		ImportResult result = imports.importFile(ImportKind.RESIDENTS, "rows.csv",
				Format.CSV.file(List.of(row("name", "idNumber", "householdId"), row("一", first, households.get(0)),
						row("二", taken, households.get(0)))),
				raced, xinhua);

		assertThat(result.succeeded()).isFalse();
		assertThat(result.errors()).singleElement().satisfies(error -> {
			assertThat(error.row()).isEqualTo(3);
			assertThat(error.column()).isEqualTo("idNumber");
			assertThat(error.reason().args()).containsExactly(Messages.text("people.problem.id-number-registered"));
		});
		assertThat(count(mvc, network.grid(), "residents")).isZero();
		mvc.perform(as(mvc, "xinhua", get("/api/v1/persons").param("q", first)))
			.andExpect(jsonPath("$.items", hasSize(0)));
	}

	@ParameterizedTest
	@EnumSource(Format.class)
	void importsNothingWhenOneRowIsBad(Format format) throws Exception {
		Network network = network(mvc);
		List<Long> households = households(mvc, network.grid(), 1);
		long household = households.get(0);
		String good = idNumber();
		String twice = idNumber();
		upload(mvc, "xinhua", "residents",
				format.file(List.of(row("name", "idNumber", "phone", "householdId", "regionCode"),
						row("好人", good, "13900000000", household, ""),
						row("校验", withWrongCheckDigit(idNumber()), "", household, ""),
						row("重一", twice, "", household, ""), row("重二", twice, "", household, ""),
						row("无户", idNumber(), "", 999999999L, ""), row("错号", idNumber(), "12345", household, ""),
						row("两处", idNumber(), "", household, network.village()),
						row("已在", registeredIdNumber(), "", household, ""))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errorCount").value(6))
			.andExpect(jsonPath("$.errors", hasSize(6)))
			.andExpect(jsonPath("$.errors[0].row").value(3))
			.andExpect(jsonPath("$.errors[0].column").value("idNumber"))
			.andExpect(jsonPath("$.errors[0].reason").value("check digit is wrong"))
			.andExpect(jsonPath("$.errors[1].row").value(5))
			.andExpect(jsonPath("$.errors[1].reason").value("repeats row 4"))
			.andExpect(jsonPath("$.errors[2].row").value(6))
			.andExpect(jsonPath("$.errors[2].column").value("householdId"))
			.andExpect(jsonPath("$.errors[2].reason").value("no household has id 999999999"))
			.andExpect(jsonPath("$.errors[3].row").value(7))
			.andExpect(jsonPath("$.errors[3].column").value("phone"))
			.andExpect(jsonPath("$.errors[4].row").value(8))
			.andExpect(jsonPath("$.errors[4].column").value("householdId"))
			.andExpect(jsonPath("$.errors[5].row").value(9))
			.andExpect(jsonPath("$.errors[5].reason").value("is already registered"));
		mvc.perform(as(mvc, "admin", get("/api/v1/persons").param("q", good))).andExpect(jsonPath("$.total").value(0));
		assertThat(count(mvc, network.grid(), "residents")).isZero();
	}

	@Test
	void checksPartyMembershipColumns() throws Exception {
		Network network = network(mvc);
		long household = households(mvc, network.grid(), 1).get(0);
		String organisation = partyOrganisationIn130902();
		upload(mvc, "xinhua", "residents",
				Format.CSV.file(List.of(row("name", "idNumber", "householdId", "partyOrganisationCode", "joinedOn"),
						row("甲", idNumber(), household, organisation, ""),
						row("乙", idNumber(), household, "", "2001-07-01"),
						row("丙", idNumber(), household, "NO-SUCH-ORG", "2001-07-01"),
						row("丁", idNumber(), household, organisation, "2001-02-30"),
						row("戊", idNumber(), household, organisation, LocalDate.now().plusDays(2)))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].row").value(2))
			.andExpect(jsonPath("$.errors[0].column").value("joinedOn"))
			.andExpect(jsonPath("$.errors[1].row").value(3))
			.andExpect(jsonPath("$.errors[1].column").value("partyOrganisationCode"))
			.andExpect(jsonPath("$.errors[2].reason").value("no party organisation has code NO-SUCH-ORG"))
			.andExpect(jsonPath("$.errors[3].reason").value("must be a date such as 2001-07-01"))
			.andExpect(jsonPath("$.errors[4].reason").value("must not be in the future"));
	}

	@Test
	void refusesAnIdNumberStoredAsANumberCell() throws Exception {
		Network network = network(mvc);
		long household = households(mvc, network.grid(), 1).get(0);
		upload(mvc, "xinhua", "residents",
				Format.XLSX.file(List.of(row("name", "idNumber", "householdId"),
						row("数字", new java.math.BigDecimal(idNumber().substring(0, 17) + "0"), household))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].column").value("idNumber"))
			.andExpect(jsonPath("$.errors[0].reason").value(org.hamcrest.Matchers.startsWith("is a number cell")));
	}

	@Test
	void rejectsTheFileWhenOneRowIsOutsideScope() throws Exception {
		long outside = firstHouseholdIn("130903");
		Network network = network(mvc);
		long inside = households(mvc, network.grid(), 1).get(0);
		String mine = idNumber();
		upload(mvc, "xinhua", "residents",
				Format.CSV.file(List.of(row("name", "idNumber", "householdId"), row("界内", mine, inside),
						row("界外", idNumber(), outside))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors", hasSize(1)))
			.andExpect(jsonPath("$.errors[0].row").value(3))
			.andExpect(jsonPath("$.errors[0].reason").value("no household has id " + outside));
		mvc.perform(as(mvc, "admin", get("/api/v1/persons").param("q", mine))).andExpect(jsonPath("$.total").value(0));
	}

	@Test
	void answers403ForAnEvaluator() throws Exception {
		upload(mvc, "zzb", "residents",
				Format.CSV.file(List.of(row("name", "idNumber", "householdId"), row("x", idNumber(), 1))))
			.andExpect(status().isForbidden());
	}

	private String partyOrganisationIn130902() throws Exception {
		String body = mvc.perform(as(mvc, "admin", get("/api/v1/party-organisations").param("region", "130902")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		return JsonPath.read(body, "$.items[0].code");
	}

	private long firstHouseholdIn(String region) throws Exception {
		String body = mvc
			.perform(as(mvc, "admin", get("/api/v1/households").param("region", region).param("size", "1")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		return ((Number) JsonPath.read(body, "$.items[0].id")).longValue();
	}

	/**
	 * The (unmasked) ID number of someone already registered, made through the import
	 * itself.
	 */
	private String registeredIdNumber() throws Exception {
		String id = idNumber();
		upload(mvc, "admin", "residents",
				Format.CSV.file(List.of(row("name", "idNumber", "regionCode"), row("已登记", id, "130902"))))
			.andExpect(status().isOk());
		return id;
	}

}

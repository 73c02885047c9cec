package cn.huoxian.exchange;

import static cn.huoxian.exchange.ExchangeFixtures.freeTownship;
import static cn.huoxian.exchange.ExchangeFixtures.row;
import static cn.huoxian.exchange.ExchangeFixtures.upload;
import static cn.huoxian.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import cn.huoxian.exchange.ExchangeFixtures.Format;
import cn.huoxian.org.RegionForm;
import cn.huoxian.org.Regions;
import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.DataScope;
import cn.huoxian.shared.Messages;
import cn.huoxian.shared.RegionPath;
import cn.huoxian.shared.Role;
import cn.huoxian.support.SqlTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@SqlTest
class RegionImportTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Imports imports;

	@Autowired
	Regions regions;

	@ParameterizedTest
	@EnumSource(Format.class)
	void importsTownshipThenItsVillagesAndGrid(Format format) throws Exception {
		String township = freeTownship(mvc);
		String prefix = township.substring(0, 9);
		upload(mvc, "xinhua", "regions",
				format.file(List.of(row("代码", "名称", "上级代码"), row(township, "导入街道", "130902"),
						row(prefix + "001", "一社区", township), row(prefix + "002", "二社区", township),
						row(prefix + "001001", "一网格", prefix + "001"))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.imported").value(4));
		mvc.perform(as(mvc, "xinhua", get("/api/v1/regions/" + township + "/children")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(2)));
		mvc.perform(as(mvc, "xinhua", get("/api/v1/regions/" + prefix + "001001")))
			.andExpect(jsonPath("$.level").value("GRID"))
			.andExpect(jsonPath("$.path")
				.value("/130900/130902/" + township + "/" + prefix + "001/" + prefix + "001001/"));
	}

	@ParameterizedTest
	@EnumSource(Format.class)
	void importsNothingWhenOneRowIsBad(Format format) throws Exception {
		String township = freeTownship(mvc);
		String prefix = township.substring(0, 9);
		upload(mvc, "xinhua", "regions",
				format.file(List.of(row("code", "name", "parentCode"), row(township, "好街道", "130902"),
						row(prefix + "001", "好社区", township), row("130903001000", "坏代码", township),
						row(prefix + "002", "", township), row(prefix + "001", "重复", township))))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType("application/problem+json"))
			.andExpect(jsonPath("$.errorCount").value(3))
			.andExpect(jsonPath("$.errors", hasSize(3)))
			.andExpect(jsonPath("$.errors[0].row").value(4))
			.andExpect(jsonPath("$.errors[0].column").value("code"))
			.andExpect(jsonPath("$.errors[0].reason").value(containsString("township code " + township)))
			.andExpect(jsonPath("$.errors[1].row").value(5))
			.andExpect(jsonPath("$.errors[1].column").value("name"))
			.andExpect(jsonPath("$.errors[1].reason").value("is required"))
			.andExpect(jsonPath("$.errors[2].row").value(6))
			.andExpect(jsonPath("$.errors[2].reason").value("repeats row 3"));
		mvc.perform(as(mvc, "admin", get("/api/v1/regions/" + township))).andExpect(status().isNotFound());
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "zh-CN|导入被拒绝|必填|与第2行重复", "zh-TW|匯入被拒絕|必填|與第2列重複",
			"en|Import rejected|is required|repeats row 2" })
	void answersInTheCallersLanguage(String language, String title, String required, String repeats) throws Exception {
		String township = freeTownship(mvc);
		upload(mvc, "xinhua", "regions",
				Format.CSV.file(List.of(row("code", "name", "parentCode"), row(township, "好街道", "130902"),
						row(township, "", "130902"), row(township, "重复", "130902"))),
				language)
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.title").value(title))
			.andExpect(jsonPath("$.errors[0].reason").value(required))
			.andExpect(jsonPath("$.errors[1].reason").value(repeats));
	}

	@Test
	void explainsParentDefinedBelowItsChild() throws Exception {
		String township = freeTownship(mvc);
		upload(mvc, "xinhua", "regions",
				Format.CSV.file(List.of(row("code", "name", "parentCode"),
						row(township.substring(0, 9) + "001", "社区", township), row(township, "街道", "130902"),
						row(township.substring(0, 9) + "002", "社区", "130902999999"))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].row").value(2))
			.andExpect(jsonPath("$.errors[0].column").value("parentCode"))
			.andExpect(jsonPath("$.errors[0].reason").value(containsString("further down, in row 3")))
			.andExpect(jsonPath("$.errors[1].row").value(4))
			.andExpect(jsonPath("$.errors[1].reason").value("no region has code 130902999999"));
	}

	@Test
	void rejectsTheFileWhenOneRowIsOutsideScope() throws Exception {
		String township = freeTownship(mvc);
		upload(mvc, "xinhua", "regions",
				Format.CSV.file(List.of(row("code", "name", "parentCode"), row(township, "街道", "130902"),
						row("130903" + township.substring(6), "别区街道", "130903"))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors", hasSize(1)))
			.andExpect(jsonPath("$.errors[0].row").value(3))
			.andExpect(jsonPath("$.errors[0].column").value("parentCode"))
			.andExpect(jsonPath("$.errors[0].reason").value("no region has code 130903"));
		mvc.perform(as(mvc, "admin", get("/api/v1/regions/" + township))).andExpect(status().isNotFound());
	}

	@Test
	void reportsARegionCreatedMeanwhileAtItsRowAndImportsNothing() throws Exception {
		String township = freeTownship(mvc);
		String village = township.substring(0, 9) + "001";
		CurrentUser xinhua = new CurrentUser("xinhua", null, Role.REGION_STAFF,
				DataScope.ofRegions(new RegionPath("/130900/130902/")));
		// someone else creates the township after the file was checked, before it is
		// written
		RowImport raced = new CreatedAfterCheck(new RegionImport(regions, xinhua),
				() -> regions.create(new RegionForm(township, "别人的街道", "130902"), xinhua));

		ImportResult result = imports.importFile(ImportKind.REGIONS, "rows.csv", Format.CSV.file(List
			.of(row("code", "name", "parentCode"), row(township, "街道", "130902"), row(village, "社区", township))), raced,
				xinhua);

		assertThat(result.succeeded()).isFalse();
		assertThat(result.errors()).singleElement().satisfies(error -> {
			assertThat(error.row()).isEqualTo(2);
			assertThat(error.column()).isEqualTo("code");
			assertThat(error.reason().args()).containsExactly(Messages.text("org.error.code-taken.region"));
		});
		mvc.perform(as(mvc, "admin", get("/api/v1/regions/" + village))).andExpect(status().isNotFound());
	}

	@Test
	void answers403ForRolesThatMayNotChangeTheNetwork() throws Exception {
		var file = Format.CSV.file(List.of(row("code", "name", "parentCode"), row("130902998000", "x", "130902")));
		upload(mvc, "zzb", "regions", file).andExpect(status().isForbidden());
		upload(mvc, "grid01", "regions", file).andExpect(status().isForbidden());
	}

	@Test
	void reportsUnknownAndMissingColumnsOnRowOne() throws Exception {
		upload(mvc, "xinhua", "regions", Format.CSV.file(List.of(row("代码", "名称", "备注"), row("130902998000", "x", "y"))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].row", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.is(1))))
			.andExpect(jsonPath("$.errors[0].column").value("备注"))
			.andExpect(jsonPath("$.errors[0].reason").value(containsString("parentCode/上级代码")))
			.andExpect(jsonPath("$.errors[1].column").value("parentCode"))
			.andExpect(jsonPath("$.errors[1].reason").value("column is missing"));
	}

	@Test
	void answersNotFoundForAnUnknownKind() throws Exception {
		upload(mvc, "xinhua", "units", Format.CSV.file(List.of(row("code")))).andExpect(status().isNotFound());
	}

}

package cn.huoxian.exchange;

import static cn.huoxian.exchange.ExchangeFixtures.count;
import static cn.huoxian.exchange.ExchangeFixtures.idNumber;
import static cn.huoxian.exchange.ExchangeFixtures.network;
import static cn.huoxian.exchange.ExchangeFixtures.row;
import static cn.huoxian.exchange.ExchangeFixtures.withWrongCheckDigit;
import static cn.huoxian.support.Api.as;
import static cn.huoxian.support.Pages.login;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.nio.charset.StandardCharsets;
import java.util.List;

import cn.huoxian.exchange.ExchangeFixtures.Format;
import cn.huoxian.exchange.ExchangeFixtures.Network;
import cn.huoxian.support.SqlTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

@SqlTest
class ExchangePageTests {

	@Autowired
	MockMvc mvc;

	@Test
	void showsUploadFormsTemplatesAndLedgerLinks() throws Exception {
		MockHttpSession session = login(mvc, "xinhua");
		mvc.perform(get("/exchange").session(session))
			.andExpect(status().isOk())
			.andExpect(view().name("exchange/index"))
			.andExpect(content().string(containsString("action=\"/exchange/imports/residents\"")))
			.andExpect(content().string(containsString("name=\"_csrf\"")))
			.andExpect(content().string(containsString("/exchange/templates/households.csv")))
			.andExpect(content().string(containsString("/exchange/households.xlsx?region=130902")));
	}

	@Test
	void showsEveryRowErrorAfterAFailedImport() throws Exception {
		Network network = network(mvc);
		MockHttpSession session = login(mvc, "xinhua");
		String good = idNumber();
		var file = Format.CSV.file(List.of(row("姓名", "身份证号", "区域代码"), row("好", good, network.grid()),
				row("坏", withWrongCheckDigit(idNumber()), network.grid()), row("", idNumber(), network.grid())));
		mvc.perform(multipart("/exchange/imports/residents").file(file).session(session).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(view().name("exchange/index"))
			.andExpect(model().attributeExists("rejection"))
			.andExpect(content().string(containsString("校验码错误")))
			.andExpect(content().string(containsString("身份证号")))
			.andExpect(content().string(containsString("未导入任何数据")));
		mvc.perform(as(mvc, "admin", get("/api/v1/persons").param("q", good))).andExpect(jsonPath("$.total").value(0));
	}

	@Test
	void redirectsWithASuccessMessageAfterAnImport() throws Exception {
		Network network = network(mvc);
		MockHttpSession session = login(mvc, "xinhua");
		var file = Format.XLSX.file(List.of(row("网格代码", "地址"), row(network.grid(), "页面路1号")));
		mvc.perform(multipart("/exchange/imports/households").file(file).session(session).with(csrf()))
			.andExpect(redirectedUrl("/exchange"))
			.andExpect(flash().attribute("imported", 1));
		assertThat(count(mvc, network.grid(), "households")).isEqualTo(1);
	}

	@Test
	void refusesAnUploadWithoutCsrfToken() throws Exception {
		MockHttpSession session = login(mvc, "xinhua");
		var file = Format.CSV.file(List.of(row("regionCode", "address"), row("130902", "x")));
		mvc.perform(multipart("/exchange/imports/households").file(file).session(session))
			.andExpect(status().isForbidden());
	}

	@Test
	void answers403ToAnEvaluator() throws Exception {
		mvc.perform(get("/exchange").session(login(mvc, "zzb"))).andExpect(status().isForbidden());
	}

	@Test
	void downloadsTemplatesWithHeadersInTheUsersLanguage() throws Exception {
		MockHttpSession session = login(mvc, "grid01");
		byte[] chinese = mvc.perform(get("/exchange/templates/residents.csv").session(session))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", containsString("residents.csv")))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(new String(chinese, StandardCharsets.UTF_8)).isEqualTo("\uFEFF姓名,身份证号,电话,户编号,区域代码,党组织代码,入党日期\r\n");
		byte[] english = mvc.perform(get("/exchange/templates/regions.csv").param("lang", "en").session(session))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(new String(english, StandardCharsets.UTF_8)).isEqualTo("\uFEFFcode,name,parentCode\r\n");
	}

	@Test
	void downloadsTheLedgerFromThePage() throws Exception {
		mvc.perform(get("/exchange/households.xlsx").param("region", "130902").session(login(mvc, "grid01")))
			.andExpect(status().isNotFound());
	}

}

package cn.huoxian.exchange;

import static cn.huoxian.exchange.ExchangeFixtures.households;
import static cn.huoxian.exchange.ExchangeFixtures.idNumber;
import static cn.huoxian.exchange.ExchangeFixtures.network;
import static cn.huoxian.exchange.ExchangeFixtures.row;
import static cn.huoxian.exchange.ExchangeFixtures.upload;
import static cn.huoxian.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;

import cn.huoxian.exchange.ExchangeFixtures.Format;
import cn.huoxian.exchange.ExchangeFixtures.Network;
import cn.huoxian.shared.IdNumber;
import cn.huoxian.support.SqlTest;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@SqlTest
class HouseholdLedgerTests {

	@Autowired
	MockMvc mvc;

	@Test
	void exportsOneRowPerResidentWithIdNumbersAndPhonesMasked() throws Exception {
		Network network = network(mvc);
		List<Long> households = households(mvc, network.grid(), 2);
		String first = idNumber();
		String second = idNumber();
		upload(mvc, "xinhua", "residents",
				Format.CSV.file(List.of(row("name", "idNumber", "phone", "householdId"),
						row("张三", first, "13812345678", households.get(0)), row("李四", second, "", households.get(0)))))
			.andExpect(status().isOk());

		byte[] xlsx = mvc
			.perform(as(mvc, "xinhua", get("/api/v1/exports/households.xlsx").param("region", network.grid())))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", containsString("spreadsheetml")))
			.andExpect(header().string("Content-Disposition", containsString("households-" + network.grid() + "-")))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();

		List<List<String>> residents = sheet(xlsx, 0);
		assertThat(residents.get(0)).containsExactly("户编号", "网格代码", "县（市、区）", "乡镇（街道）", "村（社区）", "网格", "楼栋", "地址", "门牌",
				"姓名", "身份证号", "性别", "出生日期", "电话", "身份");
		// two residents of the first household, and one row for the household without
		// residents
		assertThat(residents).hasSize(4);
		// the grid named beside its code: county, township, community, grid
		assertThat(residents.get(1)).containsSequence(network.grid(), "新华区", "测试街道", "测试社区", "测试网格一", "1号楼", "测试路1号",
				"1-1", "张三", IdNumber.mask(first));
		assertThat(residents.get(1).get(13)).isEqualTo("138****5678");
		assertThat(residents.get(2).get(10)).isEqualTo(IdNumber.mask(second));
		assertThat(residents.get(3)).containsExactly(String.valueOf(households.get(1)), network.grid(), "新华区", "测试街道",
				"测试社区", "测试网格一", "1号楼", "测试路2号", "1-2");
		assertThat(residents.toString()).doesNotContain(first, second, "13812345678");

		List<List<String>> householdSheet = sheet(xlsx, 1);
		assertThat(householdSheet).hasSize(3);
		assertThat(householdSheet.get(1).get(9)).isEqualTo("2");
		assertThat(householdSheet.get(1).subList(2, 6)).containsExactly("新华区", "测试街道", "测试社区", "测试网格一");
	}

	@Test
	void listsEachHouseholdWithItsOwnResidentsInOrder() throws Exception {
		Network network = network(mvc);
		List<Long> households = households(mvc, network.grid(), 3);
		upload(mvc, "xinhua", "residents",
				Format.CSV.file(List.of(row("name", "idNumber", "householdId", "regionCode"),
						row("丙一", idNumber(), households.get(2), ""), row("甲一", idNumber(), households.get(0), ""),
						row("网格外住", idNumber(), "", network.grid()), row("丙二", idNumber(), households.get(2), ""))))
			.andExpect(status().isOk());

		byte[] xlsx = mvc
			.perform(as(mvc, "xinhua", get("/api/v1/exports/households.xlsx").param("region", network.grid())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();

		// persons not living in a household are not in the ledger
		List<List<String>> residents = sheet(xlsx, 0).subList(1, 5);
		assertThat(residents).extracting(row -> row.get(0))
			.containsExactly(String.valueOf(households.get(0)), String.valueOf(households.get(1)),
					String.valueOf(households.get(2)), String.valueOf(households.get(2)));
		assertThat(residents).extracting(row -> row.size() > 9 ? row.get(9) : "").containsExactly("甲一", "", "丙一", "丙二");
		assertThat(sheet(xlsx, 0)).hasSize(5);
	}

	@Test
	void exportsOnlyTheRegionAskedFor() throws Exception {
		Network network = network(mvc);
		households(mvc, network.grid(), 3);
		byte[] xlsx = mvc
			.perform(as(mvc, "admin", get("/api/v1/exports/households.xlsx").param("region", network.township())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		List<List<String>> households = sheet(xlsx, 1);
		assertThat(households).hasSize(4);
		assertThat(households.subList(1, 4)).allSatisfy(row -> assertThat(row.get(1)).isEqualTo(network.grid()));
	}

	@Test
	void answers404ForARegionOutsideScope() throws Exception {
		mvc.perform(as(mvc, "xinhua", get("/api/v1/exports/households.xlsx").param("region", "130903")))
			.andExpect(status().isNotFound());
		mvc.perform(as(mvc, "grid01", get("/api/v1/exports/households.xlsx").param("region", "130902")))
			.andExpect(status().isNotFound());
	}

	/** Every row of one sheet as text, blank cells as empty strings. */
	static List<List<String>> sheet(byte[] xlsx, int index) throws IOException {
		try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
			try (var rows = workbook.getSheet(index).orElseThrow().openStream()) {
				return rows.map(HouseholdLedgerTests::texts).toList();
			}
		}
	}

	private static List<String> texts(Row row) {
		return java.util.stream.IntStream.range(0, row.getCellCount())
			.mapToObj(i -> row.getCellText(i) == null ? "" : row.getCellText(i))
			.toList();
	}

}

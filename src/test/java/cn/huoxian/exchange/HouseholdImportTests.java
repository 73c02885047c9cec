package cn.huoxian.exchange;

import static cn.huoxian.exchange.ExchangeFixtures.count;
import static cn.huoxian.exchange.ExchangeFixtures.householdIds;
import static cn.huoxian.exchange.ExchangeFixtures.network;
import static cn.huoxian.exchange.ExchangeFixtures.row;
import static cn.huoxian.exchange.ExchangeFixtures.upload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;

import cn.huoxian.exchange.ExchangeFixtures.Format;
import cn.huoxian.exchange.ExchangeFixtures.Network;
import cn.huoxian.org.Households;
import cn.huoxian.org.Regions;
import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.DataScope;
import cn.huoxian.shared.RegionPath;
import cn.huoxian.shared.Role;
import cn.huoxian.support.SqlTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.test.web.servlet.MockMvc;

@SqlTest
class HouseholdImportTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Imports imports;

	@Autowired
	Regions regions;

	@Autowired
	Households households;

	@ParameterizedTest
	@EnumSource(Format.class)
	void importsHouseholdsAndCountsThemUpTheTree(Format format) throws Exception {
		Network network = network(mvc);
		long county = count(mvc, "130902", "households");
		upload(mvc, "xinhua", "households",
				format.file(List.of(row("网格代码", "楼栋", "地址", "门牌"), row(network.grid(), "3号楼", "光荣路1号", "1-101"),
						row(network.grid(), "3号楼", "光荣路1号", "1-102"), row(network.grid(), "", "光荣路2号", ""))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.imported").value(3));
		assertThat(count(mvc, network.grid(), "households")).isEqualTo(3);
		assertThat(count(mvc, network.township(), "households")).isEqualTo(3);
		assertThat(count(mvc, "130902", "households")).isGreaterThanOrEqualTo(county + 3);
		assertThat(householdIds(mvc, network.grid())).hasSize(3);
	}

	@ParameterizedTest
	@EnumSource(Format.class)
	void importsNothingWhenOneRowIsBad(Format format) throws Exception {
		Network network = network(mvc);
		upload(mvc, "xinhua", "households",
				format.file(List.of(row("regionCode", "building", "address", "door"),
						row(network.grid(), "1号楼", "胜利路1号", "101"), row("130902999999999", "", "胜利路2号", ""),
						row(network.village(), "", "胜利路3号", ""), row(network.grid(), "", "", "102"),
						row(network.grid(), "1号楼", "胜利路1号", "101"))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors", hasSize(4)))
			.andExpect(jsonPath("$.errors[0].row").value(3))
			.andExpect(jsonPath("$.errors[0].column").value("regionCode"))
			.andExpect(jsonPath("$.errors[0].reason").value("no region has code 130902999999999"))
			.andExpect(jsonPath("$.errors[1].row").value(4))
			.andExpect(jsonPath("$.errors[1].reason").value("is not a grid; households belong to grids"))
			.andExpect(jsonPath("$.errors[2].row").value(5))
			.andExpect(jsonPath("$.errors[2].column").value("address"))
			.andExpect(jsonPath("$.errors[3].row").value(6))
			.andExpect(jsonPath("$.errors[3].reason").value(startsWith("is the same household")));
		assertThat(count(mvc, network.grid(), "households")).isZero();
		assertThat(householdIds(mvc, network.grid())).isEmpty();
	}

	@Test
	void refusesASecondUploadOfTheSameHouseholds() throws Exception {
		Network network = network(mvc);
		var file = Format.CSV.file(List.of(row("regionCode", "address", "door"), row(network.grid(), "和平路9号", "9")));
		upload(mvc, "xinhua", "households", file).andExpect(status().isOk());
		upload(mvc, "xinhua", "households", file).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].row").value(2))
			.andExpect(jsonPath("$.errors[0].reason").value(startsWith("this household is already registered")));
		assertThat(count(mvc, network.grid(), "households")).isEqualTo(1);
	}

	@Test
	void rejectsTheFileWhenOneRowIsOutsideScope() throws Exception {
		Network network = network(mvc);
		upload(mvc, "grid01", "households",
				Format.CSV.file(List.of(row("regionCode", "address"), row(network.grid(), "越界路1号"))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].row").value(2))
			.andExpect(jsonPath("$.errors[0].column").value("regionCode"))
			.andExpect(jsonPath("$.errors[0].reason").value("no region has code " + network.grid()));
		assertThat(count(mvc, network.grid(), "households")).isZero();
	}

	@Test
	void rollsEverythingBackWhenAWriteFails() throws Exception {
		Network network = network(mvc);
		List<List<Object>> rows = new ArrayList<>();
		rows.add(row("regionCode", "address"));
		for (int i = 0; i < Imports.CHUNK + 10; i++) {
			rows.add(row(network.grid(), "回滚路" + i + "号"));
		}
		CurrentUser xinhua = new CurrentUser("xinhua", null, Role.REGION_STAFF,
				DataScope.ofRegions(new RegionPath("/130900/130902/")));
		RowImport failsInSecondChunk = new FailingSecondChunk(new HouseholdImport(regions, households, xinhua));

		ImportResult result = imports.importFile(ImportKind.HOUSEHOLDS, "rows.csv", Format.CSV.file(rows),
				failsInSecondChunk, xinhua);

		assertThat(result.succeeded()).isFalse();
		assertThat(result.fileProblem().key()).isEqualTo("exchange.error.file.writeFailed");
		assertThat(householdIds(mvc, network.grid())).isEmpty();
		assertThat(count(mvc, network.grid(), "households")).isZero();
	}

	/** Writes the first chunk for real, then fails as a database would. */
	private static final class FailingSecondChunk implements RowImport {

		private final RowImport delegate;

		private int chunks;

		FailingSecondChunk(RowImport delegate) {
			this.delegate = delegate;
		}

		@Override
		public void check(List<ImportRow> rows) {
			delegate.check(rows);
		}

		@Override
		public void write(List<ImportRow> rows) {
			delegate.write(rows);
			if (++chunks == 2) {
				throw new DataIntegrityViolationException("simulated failure in the second chunk");
			}
		}

	}

	@Test
	void answers403ForAnEvaluator() throws Exception {
		upload(mvc, "zzb", "households", Format.CSV.file(List.of(row("regionCode", "address"), row("1", "x"))))
			.andExpect(status().isForbidden());
	}

}

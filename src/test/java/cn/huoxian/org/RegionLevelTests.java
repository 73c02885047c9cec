package cn.huoxian.org;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The code rules of each level: GB/T 2260 for counties, 12-digit statistical codes below,
 * grids after.
 */
class RegionLevelTests {

	@ParameterizedTest
	@CsvSource({ "COUNTY,130999,130900", "TOWNSHIP,130902001000,130902", "VILLAGE,130902001007,130902001000",
			"GRID,130902001007003,130902001007" })
	void acceptsCodesThatFitTheirParent(RegionLevel level, String code, String parent) {
		assertThat(level.codeProblem(code, parent)).isNull();
	}

	@ParameterizedTest
	@CsvSource({ "COUNTY,140902,130900", "COUNTY,13090,130900", "TOWNSHIP,130903001000,130902",
			"TOWNSHIP,130902000000,130902", "TOWNSHIP,130902001001,130902", "VILLAGE,130902002001,130902001000",
			"VILLAGE,130902001000,130902001000", "GRID,130902001007000,130902001007",
			"GRID,13090200100700,130902001007" })
	void refusesCodesThatDoNot(RegionLevel level, String code, String parent) {
		assertThat(level.codeProblem(code, parent)).isNotNull();
	}

	@ParameterizedTest
	@CsvSource({ "CITY,COUNTY", "COUNTY,TOWNSHIP", "TOWNSHIP,VILLAGE", "VILLAGE,GRID" })
	void knowsTheLevelBelow(RegionLevel level, RegionLevel below) {
		assertThat(level.below()).isEqualTo(below);
	}

}

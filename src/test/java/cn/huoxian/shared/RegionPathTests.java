package cn.huoxian.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class RegionPathTests {

	private final RegionPath city = RegionPath.root("130900");

	private final RegionPath xinhua = city.child("130902");

	@Test
	void buildsPathsFromCodes() {
		assertThat(xinhua.value()).isEqualTo("/130900/130902/");
		assertThat(xinhua.child("130902001000").codes()).containsExactly("130900", "130902", "130902001000");
		assertThat(xinhua.code()).isEqualTo("130902");
		assertThat(xinhua.depth()).isEqualTo(2);
		assertThat(xinhua.subtreePattern()).isEqualTo("/130900/130902/%");
	}

	@Test
	void knowsWhatLiesWithin() {
		assertThat(xinhua.isWithin(city)).isTrue();
		assertThat(xinhua.isWithin(xinhua)).isTrue();
		assertThat(city.isWithin(xinhua)).isFalse();
		// a sibling whose code starts with the same digits is not inside: the closing
		// slash matters
		assertThat(new RegionPath("/130900/1309021/").isWithin(xinhua)).isFalse();
	}

	@Test
	void scopeCoversOnlyItsSubtrees() {
		DataScope scope = DataScope.ofRegions(xinhua);
		assertThat(scope.coversRegion(new RegionPath("/130900/130902/130902001000/"))).isTrue();
		assertThat(scope.coversRegion(new RegionPath("/130900/130903/"))).isFalse();
		assertThat(scope.coversRegion(new RegionPath("/130900/"))).isFalse();
		assertThat(DataScope.none().coversRegion(new RegionPath("/130900/"))).isFalse();
	}

	/** Views carry a RegionPath; the API shows it as the plain string it always was. */
	@Test
	void isItsStringInJson() {
		record View(long id, RegionPath path) {
		}
		JsonMapper json = JsonMapper.builder().build();
		assertThat(json.writeValueAsString(new View(1, xinhua))).isEqualTo("{\"id\":1,\"path\":\"/130900/130902/\"}");
		assertThat(json.readValue("{\"id\":1,\"path\":\"/130900/130902/\"}", View.class).path()).isEqualTo(xinhua);
		assertThat(RegionPath.of(null)).isNull();
	}

	@Test
	void rejectsMalformedPaths() {
		assertThatThrownBy(() -> new RegionPath("130900/")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new RegionPath("/")).isInstanceOf(IllegalArgumentException.class);
	}

}

package cn.huoxian.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

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

	@Test
	void rejectsMalformedPaths() {
		assertThatThrownBy(() -> new RegionPath("130900/")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new RegionPath("/")).isInstanceOf(IllegalArgumentException.class);
	}

}

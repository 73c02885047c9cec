package cn.huoxian.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A bounded count's tile: exact up to the bound, "1,000+" past it, attention when any.
 */
class WorkbenchTileTests {

	@Test
	void aCountTakenUpToTheBoundIsExactBelowItAndALowerBoundAbove() {
		WorkbenchTile none = WorkbenchTile.dueUpTo(10, "逾期", "沧州市", 0, "/x");
		assertThat(none.value()).isZero();
		assertThat(none.attention()).isFalse();
		assertThat(none.atLeast()).isFalse();
		WorkbenchTile exact = WorkbenchTile.dueUpTo(10, "逾期", "沧州市", WorkbenchTile.COUNT_BOUND, "/x");
		assertThat(exact.value()).isEqualTo(1_000);
		assertThat(exact.attention()).isTrue();
		assertThat(exact.atLeast()).isFalse();
		WorkbenchTile more = WorkbenchTile.dueUpTo(10, "逾期", "沧州市", WorkbenchTile.COUNT_BOUND + 1, "/x");
		assertThat(more.value()).isEqualTo(1_000);
		assertThat(more.atLeast()).isTrue();
		assertThat(more.group()).isEqualTo(WorkbenchTile.TODAY);
	}

}

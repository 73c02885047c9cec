package cn.huoxian.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * A bounded total: counted only when the page does not show the end, exact up to the
 * bound, "more than" beyond it, and always far enough for the next page to show.
 */
class PageResultTests {

	/** A list of {@code rows} rows that records how far each count was asked to go. */
	private static final class Rows {

		final long rows;

		final List<Long> asked = new ArrayList<>();

		Rows(long rows) {
			this.rows = rows;
		}

		PageResult<Long> page(int page, int size) {
			long from = Math.min(rows, (long) page * size);
			long to = Math.min(rows, from + size);
			List<Long> items = new ArrayList<>();
			for (long i = from; i < to; i++) {
				items.add(i);
			}
			return PageResult.bounded(items, page, size, limit -> {
				asked.add(limit);
				return Math.min(rows, limit);
			});
		}

	}

	@Test
	void aPageThatShowsTheEndNeedsNoCount() {
		Rows few = new Rows(7);
		PageResult<Long> result = few.page(0, 20);
		assertThat(result.total()).isEqualTo(7);
		assertThat(result.totalIsLowerBound()).isFalse();
		Rows last = new Rows(45);
		assertThat(last.page(2, 20).total()).isEqualTo(45);
		assertThat(few.asked).isEmpty();
		assertThat(last.asked).isEmpty();
		assertThat(new Rows(0).page(0, 20).total()).isZero();
	}

	@Test
	void belowAndAtTheBoundTheTotalIsExact() {
		for (long rows : new long[] { PageResult.COUNT_BOUND - 1, PageResult.COUNT_BOUND }) {
			Rows list = new Rows(rows);
			PageResult<Long> result = list.page(0, 20);
			assertThat(result.total()).isEqualTo(rows);
			assertThat(result.totalIsLowerBound()).isFalse();
			assertThat(list.asked).containsExactly((long) PageResult.COUNT_BOUND + 1);
		}
	}

	@Test
	void aboveTheBoundTheTotalIsALowerBound() {
		Rows list = new Rows(PageResult.COUNT_BOUND + 1);
		PageResult<Long> result = list.page(0, 20);
		assertThat(result.total()).isEqualTo(PageResult.COUNT_BOUND);
		assertThat(result.totalIsLowerBound()).isTrue();
		assertThat(result.pages()).isEqualTo(50);
	}

	@Test
	void everyPageShowsANextOneWhileRowsRemain() {
		Rows list = new Rows(5_000);
		for (int page = 0; page < 250; page++) {
			PageResult<Long> result = list.page(page, 20);
			assertThat(result.page() + 1 < result.pages()).as("page %d", page).isEqualTo(page < 249);
		}
		// the deepest page counted to the end of the next one: 250 * 20 + 1
		assertThat(Collections.max(list.asked)).isEqualTo(5_002);
	}

	@Test
	void anEmptyPageBeyondTheEndIsCounted() {
		Rows list = new Rows(30);
		PageResult<Long> result = list.page(5, 20);
		assertThat(result.items()).isEmpty();
		assertThat(result.total()).isEqualTo(30);
		assertThat(list.asked).hasSize(1);
	}

	@Test
	void mappingKeepsTheBound() {
		PageResult<Long> result = new Rows(PageResult.COUNT_BOUND + 5).page(0, 20);
		assertThat(result.map(String::valueOf).totalIsLowerBound()).isTrue();
	}

}

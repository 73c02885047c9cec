package cn.huoxian.isolation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/**
 * The kept isolation counts: kept 30 s while nothing changes; after a change, a count
 * taken before it is served at most 1 s after it was taken, so the next read after that
 * counts again (at most one count a second under a stream of changes).
 */
class KeptCountsTests {

	private final AtomicLong now = new AtomicLong(1_000_000);

	private final AtomicLong counted = new AtomicLong();

	private final KeptCounts kept = new KeptCounts(now::get);

	private long read() {
		return kept.get("k", counted::incrementAndGet);
	}

	@Test
	void keptWhileNothingChangesAndRecountedSoonAfterAChange() {
		assertThat(read()).isEqualTo(1);
		now.addAndGet(29_000);
		assertThat(read()).as("nothing changed: kept").isEqualTo(1);
		now.addAndGet(1_000);
		assertThat(read()).as("30 s: counted again").isEqualTo(2);

		now.addAndGet(200);
		kept.changed();
		now.addAndGet(300);
		assertThat(read()).as("taken 0.5 s ago, before the change: still served").isEqualTo(2);
		now.addAndGet(500);
		assertThat(read()).as("1 s after it was taken: counted again").isEqualTo(3);
		now.addAndGet(100);
		kept.changed();
		now.addAndGet(1);
		assertThat(read()).as("taken 0.1 s before the change").isEqualTo(3);
		now.addAndGet(5_000);
		assertThat(read()).isEqualTo(4);
		now.addAndGet(20_000);
		assertThat(read()).as("taken after the last change: kept").isEqualTo(4);
	}

}

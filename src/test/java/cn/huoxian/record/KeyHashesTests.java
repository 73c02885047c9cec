package cn.huoxian.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The rebuild's key set: every key added is found, keys never added are not (also keys
 * differing only in kind, source id or person), for seeded random sets.
 */
class KeyHashesTests {

	private static final String[] KINDS = { "VISIT_MADE", "DEPLOYMENT_STARTED", "DEPLOYMENT_ENDED" };

	@ParameterizedTest
	@ValueSource(longs = { 1, 2, 3, 2020 })
	void findsWhatWasAddedAndNothingElse(long seed) {
		SplittableRandom random = new SplittableRandom(seed);
		int n = 20_000 + random.nextInt(20_000);
		String[] kinds = new String[n];
		String[] ids = new String[n];
		long[] persons = new long[n];
		KeyHashes keys = new KeyHashes();
		for (int i = 0; i < n; i++) {
			kinds[i] = KINDS[random.nextInt(KINDS.length)];
			ids[i] = random.nextBoolean() ? new UUID(random.nextLong(), random.nextLong()).toString()
					: String.valueOf(random.nextInt(1_000_000));
			persons[i] = random.nextLong(1, 10_000_000);
			keys.add(kinds[i], ids[i], persons[i]);
		}
		keys.seal();
		assertThat(keys.size()).isEqualTo(n);
		int missing = 0;
		int strangers = 0;
		for (int i = 0; i < n; i++) {
			if (!keys.contains(kinds[i], ids[i], persons[i])) {
				missing++;
			}
			// the same key with one part changed was (almost surely) never added
			if (keys.contains(kinds[i], ids[i], persons[i] + 10_000_000)) {
				strangers++;
			}
			if (keys.contains(kinds[i], ids[i] + "x", persons[i])) {
				strangers++;
			}
		}
		assertThat(missing).isZero();
		assertThat(strangers).isZero();
	}

	@ParameterizedTest
	@ValueSource(strings = { "VISIT_MADE" })
	void theSetIsSealedBeforeItIsAsked(String kind) {
		KeyHashes keys = new KeyHashes();
		keys.add(kind, "1", 1);
		assertThatThrownBy(() -> keys.contains(kind, "1", 1)).isInstanceOf(IllegalStateException.class);
		keys.seal();
		assertThat(keys.contains(kind, "1", 1)).isTrue();
		assertThat(keys.contains("DEPLOYMENT_STARTED", "1", 1)).isFalse();
		assertThatThrownBy(() -> keys.add(kind, "2", 2)).isInstanceOf(IllegalStateException.class);
	}

}

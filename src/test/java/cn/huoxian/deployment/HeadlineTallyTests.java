package cn.huoxian.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import cn.huoxian.shared.RegionPath;
import cn.huoxian.support.Api;
import cn.huoxian.support.SqlTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The maintained counters against a brute-force count: random spans added and taken back
 * at random regions, then every region's figure on every day equals the number of live
 * spans under it that cover the day.
 */
@SqlTest
class HeadlineTallyTests {

	@Autowired
	HeadlineTally tally;

	private record Span(String path, LocalDate from, LocalDate to) {

		boolean covers(String region, LocalDate day) {
			return path.startsWith(region) && !day.isBefore(from) && (to == null || !day.isAfter(to));
		}

	}

	@ParameterizedTest
	@ValueSource(longs = { 1, 2, 3 })
	void figuresEqualTheLiveSpansUnderEachRegion(long seed) {
		SplittableRandom random = new SplittableRandom(seed);
		// a private tree of paths so other tests' records do not count
		String root = "/T" + Api.unique() + seed + "/";
		List<String> paths = new ArrayList<>();
		for (int a = 0; a < 3; a++) {
			for (int b = 0; b < 3; b++) {
				paths.add(root + a + "/" + b + "/");
			}
		}
		LocalDate base = LocalDate.of(2020, 1, 20);
		String figure = HeadlineTally.COMMANDO;
		List<Span> live = new ArrayList<>();
		for (int step = 0; step < 120; step++) {
			if (!live.isEmpty() && random.nextInt(4) == 0) {
				Span gone = live.remove(random.nextInt(live.size()));
				tally.span(figure, new RegionPath(gone.path()), gone.from(), gone.to(), -1);
				continue;
			}
			LocalDate from = base.plusDays(random.nextInt(20));
			LocalDate to = random.nextBoolean() ? null : from.plusDays(random.nextInt(10));
			Span span = new Span(paths.get(random.nextInt(paths.size())), from, to);
			tally.span(figure, new RegionPath(span.path()), span.from(), span.to(), +1);
			live.add(span);
		}
		List<String> regions = new ArrayList<>(paths);
		regions.add(root);
		for (int a = 0; a < 3; a++) {
			regions.add(root + a + "/");
		}
		for (String region : regions) {
			for (int d = -1; d < 32; d++) {
				LocalDate day = base.plusDays(d);
				long expected = live.stream().filter(s -> s.covers(region, day)).count();
				assertThat(tally.value(figure, new RegionPath(region), day)).as(region + " on " + day)
					.isEqualTo(expected);
			}
		}
	}

	@org.junit.jupiter.api.Test
	void ancestorsAreEveryPrefixOfThePath() {
		assertThat(HeadlineTally.ancestors(new RegionPath("/130900/130902/130902001000/"))).containsExactly("/130900/",
				"/130900/130902/", "/130900/130902/130902001000/");
	}

}

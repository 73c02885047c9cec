package cn.huoxian.load;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What the virtual users ask for, found through the API before the clock starts, so the
 * test runs on any generated city.
 *
 * @param token the API token the virtual users send (tokens keep no per-request state on
 * the server, so one is as good as many)
 * @param sessions page sessions (JSESSIONID values) signed in through the login form
 * @param regions region codes by level (CITY, COUNTY, TOWNSHIP, VILLAGE, GRID)
 * @param grids grids with households whose every registered resident is known
 * @param surnames (county, surname) pairs as found among the residents, so common
 * surnames come up more often
 * @param idNumbers ID numbers of residents, shown once (audited) to be looked up
 * @param campaign an open screening campaign of the whole city
 */
record TestData(String token, List<String> sessions, Map<String, List<String>> regions, List<Grid> grids,
		List<Surname> surnames, List<String> idNumbers, long campaign) {

	/** A grid and the households of it the batches visit. */
	record Grid(String code, List<Household> households) {
	}

	/** A household and its registered residents: a covered visit accounts for each. */
	record Household(long id, List<Long> residents) {
	}

	record Surname(String county, String surname) {
	}

	/**
	 * A region of one of those levels drawn at random, the levels equally often (those
	 * above the account's scope are left out).
	 */
	String region(String... levels) {
		List<String> present = Arrays.stream(levels).filter(regions::containsKey).toList();
		return pick(regions.get(pick(present.isEmpty() ? List.of("GRID") : present)));
	}

	static <T> T pick(List<T> items) {
		return items.get(ThreadLocalRandom.current().nextInt(items.size()));
	}

	String summary() {
		StringBuilder text = new StringBuilder();
		regions.forEach((level, codes) -> text.append(level).append(' ').append(codes.size()).append(", "));
		return text.append("grids with households ")
			.append(grids.size())
			.append(" (")
			.append(grids.stream().mapToInt(g -> g.households().size()).sum())
			.append(" households), surnames ")
			.append(surnames.stream().map(Surname::surname).distinct().count())
			.append(", ID numbers ")
			.append(idNumbers.size())
			.append(", campaign ")
			.append(campaign)
			.append(", page sessions ")
			.append(sessions.size())
			.toString();
	}

}

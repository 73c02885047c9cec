package cn.huoxian.support;

import java.util.function.Predicate;

/**
 * Region codes no region uses yet, for module tests: on H2 their database is their own,
 * on PostgreSQL it holds the demo city and every earlier test's regions.
 */
public final class FreeCodes {

	private FreeCodes() {
	}

	/**
	 * A township code under {@code county} (e.g. 130902 → 130902901000) for which
	 * {@code taken} says no, searching township numbers 900 to 998.
	 */
	public static String township(String county, Predicate<String> taken) {
		for (int n = 900; n < 999; n++) {
			String code = county + n + "000";
			if (!taken.test(code)) {
				return code;
			}
		}
		throw new IllegalStateException("no free township code under " + county);
	}

}

package cn.huoxian.support;

import java.time.LocalDate;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

import cn.huoxian.shared.IdNumber;

/**
 * Valid ID numbers no one holds, for tests that register people. They are of 110101 (东城区,
 * Beijing), which the demo city (all of 沧州, 1309xx) never gives, born between 1960 and
 * 2001, and drawn one after another from a random start, so no two of a test run are
 * equal. A random birth day and sequence per call, as tests drew them before, collided
 * now and then with another test's person ("该身份证号已登记", a CI run of 2026-12-07).
 */
public final class TestIdNumbers {

	private static final long DAYS = 15_000;

	private static final long PER_DAY = 1_000;

	private static final AtomicLong NEXT = new AtomicLong(new SplittableRandom().nextLong(DAYS * PER_DAY));

	private TestIdNumbers() {
	}

	public static String fresh() {
		long n = Math.floorMod(NEXT.getAndIncrement(), DAYS * PER_DAY);
		return IdNumber.of("110101", LocalDate.of(1960, 1, 1).plusDays(n / PER_DAY), (int) (n % PER_DAY)).value();
	}

}

package cn.huoxian.screening;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import cn.huoxian.shared.BusinessDay;

/**
 * A quick look at whether a visit plainly keeps every limit {@link VisitInput} declares
 * (lengths, ranges, its date): when it does, Bean Validation would find nothing and is
 * not run; otherwise Bean Validation runs and names the problem as before. Under visit
 * ingestion Hibernate Validator was 11–14 % of the server's samples (a visit and its
 * residents are four beans; 25 % on a new JVM, docs/BENCHMARKS.md issue 13).
 * {@code VisitLimitsTests} keeps these numbers in step with the annotations.
 */
final class VisitLimits {

	static final int MAX_RESIDENTS = 200;

	static final int MAX_TEXT = 100;

	static final BigDecimal LOWEST = new BigDecimal("34.0");

	static final BigDecimal HIGHEST = new BigDecimal("43.0");

	/** {@code @PlausibleDate}'s first day on {@code visitedAt}. */
	static final LocalDate FIRST_DAY = LocalDate.of(2019, 1, 1);

	private VisitLimits() {
	}

	/**
	 * True only when Bean Validation would certainly find nothing; false when it may
	 * (people found unregistered are always left to it: they are rare).
	 */
	static boolean plainlyWithin(VisitInput visit, LocalDate today) {
		if (visit.householdId() != null && visit.householdId() < 1) {
			return false;
		}
		if (visit.visitedAt() != null && !plausible(visit.visitedAt(), today)) {
			return false;
		}
		if (visit.unregistered() != null && !visit.unregistered().isEmpty()) {
			return false;
		}
		List<VisitInput.ResidentCheck> residents = visit.residents();
		if (residents == null) {
			return true;
		}
		if (residents.size() > MAX_RESIDENTS) {
			return false;
		}
		for (VisitInput.ResidentCheck check : residents) {
			if (check == null || !plain(check)) {
				return false;
			}
		}
		return true;
	}

	private static boolean plain(VisitInput.ResidentCheck check) {
		return (check.personId() == null || check.personId() >= 1) && shortText(check.awayWhere())
				&& shortText(check.travelFrom()) && (check.temperature() == null
						|| (check.temperature().compareTo(LOWEST) >= 0 && check.temperature().compareTo(HIGHEST) <= 0));
	}

	private static boolean shortText(String text) {
		return text == null || text.length() <= MAX_TEXT;
	}

	/** Stricter than the annotation (not after today, where it allows a year ahead). */
	private static boolean plausible(OffsetDateTime at, LocalDate today) {
		LocalDate day = BusinessDay.of(at);
		return !day.isBefore(FIRST_DAY) && !day.isAfter(today);
	}

}

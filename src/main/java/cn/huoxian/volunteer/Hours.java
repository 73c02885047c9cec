package cn.huoxian.volunteer;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Service time kept in minutes, shown in hours with one decimal. */
final class Hours {

	private Hours() {
	}

	static BigDecimal of(long minutes) {
		return BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 1, RoundingMode.HALF_UP);
	}

	/** Hours as minutes, to the minute. */
	static int minutes(BigDecimal hours) {
		return hours.multiply(BigDecimal.valueOf(60)).setScale(0, RoundingMode.HALF_UP).intValueExact();
	}

}

package cn.huoxian.record;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 14: "below the median" only when the difference matters: by more than the
 * configured share of the median and by at least one whole unit.
 */
class AssessmentSettingsTests {

	@ParameterizedTest(name = "{1} against a median of {2} at {0}%: {3}")
	@CsvSource({ "20, 34, 35.0, false", // a day short of 35 days at post
			"20, 27, 35.0, true", "20, 1, 2.0, true", "60, 1, 2.0, false", "20, 0, 0.5, false", // less
																								// than
																								// one
			"20, 0, 1.0, true", "0, 1, 2.0, true", "20, 3, 2.0, false", "100, 0, 5.0, false" })
	void marksOnlyAShortfallThatMatters(int percent, long value, double median, boolean below) {
		assertThat(new AssessmentSettings(percent).below(value, median)).isEqualTo(below);
	}

}

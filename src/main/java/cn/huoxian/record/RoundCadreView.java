package cn.huoxian.record;

import java.time.OffsetDateTime;
import java.util.Map;

import jakarta.annotation.Nullable;

/**
 * A cadre in a round at their place in the ranking, with scores (null until scored) and
 * figures, each beside the median of the round's peers of the same rank.
 */
public record RoundCadreView(int place, long personId, String name, @Nullable String rank, @Nullable String unit,
		@Nullable Integer total, @Nullable Map<String, Integer> scores, @Nullable String comment,
		@Nullable Conclusion conclusion, @Nullable Recommendation recommendation, @Nullable String scoredBy,
		@Nullable OffsetDateTime scoredAt, Map<String, Figure> figures) {

	/**
	 * A figure of the cadre and the median of the peers of the same rank in the round;
	 * {@code below} when it falls short of the median by enough to matter
	 * ({@link AssessmentSettings}).
	 */
	public record Figure(long value, double median, boolean below) {

		public boolean above() {
			return value > median;
		}

	}

}

package cn.huoxian.record;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * A cadre in a round at their place in the ranking, with scores (null until scored) and
 * figures, each beside the median of the round's peers of the same rank.
 */
public record RoundCadreView(int place, long personId, String name, String rank, String unit, Integer total,
		Map<String, Integer> scores, String comment, Conclusion conclusion, Recommendation recommendation,
		String scoredBy, OffsetDateTime scoredAt, Map<String, Figure> figures) {

	/**
	 * A figure of the cadre and the median of the peers of the same rank in the round.
	 */
	public record Figure(long value, double median) {

		public boolean below() {
			return value < median;
		}

		public boolean above() {
			return value > median;
		}

	}

}

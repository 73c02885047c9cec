package cn.huoxian.record;

import java.util.Map;

/**
 * One cadre's assessment: a score 1–10 for every dimension of the round, a comment, a
 * conclusion and an optional recommendation.
 */
public record ScoreForm(Map<String, Integer> scores, String comment, Conclusion conclusion,
		Recommendation recommendation) {

}

package cn.huoxian.record;

import java.util.Map;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * One cadre's assessment: a score 1–10 for every dimension of the round (which the
 * service checks against the round), a comment (≤1000), a conclusion (required) and an
 * optional recommendation.
 */
public record ScoreForm(
		@Size(max = 8) Map<@Size(max = 20) String, @Min(value = 1, message = "{record.field.score}") @Max(value = 10,
				message = "{record.field.score}") Integer> scores,
		@Size(max = 1000, message = "{record.field.too-long}") String comment,
		@NotNull(message = "{record.error.assessment.conclusion-required}") Conclusion conclusion,
		Recommendation recommendation) {

}

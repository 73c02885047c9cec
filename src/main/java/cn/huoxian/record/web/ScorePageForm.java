package cn.huoxian.record.web;

import java.util.ArrayList;
import java.util.List;

import cn.huoxian.record.Conclusion;
import cn.huoxian.record.Recommendation;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The page's scoring form, as typed: one score per dimension of the round, in the round's
 * order ({@code scores[0]}, {@code scores[1]}…), a comment, a conclusion and an optional
 * recommendation.
 */
public class ScorePageForm {

	@Size(max = 8)
	private List<@NotNull(message = "{record.field.score}") @Pattern(regexp = "\\s*([1-9]|10)\\s*",
			message = "{record.field.score}") String> scores = new ArrayList<>();

	@Size(max = 1000, message = "{record.field.too-long}")
	private String comment;

	@NotNull(message = "{record.error.assessment.conclusion-required}")
	private Conclusion conclusion;

	private Recommendation recommendation;

	/** The score typed for the dimension at this index, or null. */
	String score(int index) {
		return index < scores.size() ? scores.get(index) : null;
	}

	public List<String> getScores() {
		return scores;
	}

	public void setScores(List<String> scores) {
		this.scores = scores;
	}

	public String getComment() {
		return comment;
	}

	public void setComment(String comment) {
		this.comment = comment;
	}

	public Conclusion getConclusion() {
		return conclusion;
	}

	public void setConclusion(Conclusion conclusion) {
		this.conclusion = conclusion;
	}

	public Recommendation getRecommendation() {
		return recommendation;
	}

	public void setRecommendation(Recommendation recommendation) {
		this.recommendation = recommendation;
	}

}

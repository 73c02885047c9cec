package cn.huoxian.screening;

import java.time.LocalDate;
import java.util.Set;

import cn.huoxian.shared.FieldRules;
import cn.huoxian.shared.PlausibleDate;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Opening a campaign over a region the user holds, for a period: all households under it,
 * or ({@code RETURNEES_SINCE}) the households of residents registered as returned on or
 * after {@code targetSince}.
 */
@FieldRules
public record CampaignForm(@NotBlank @Size(max = 100) String name, @NotBlank @Size(max = 20) String rootRegion,
		@NotNull @PlausibleDate LocalDate startsOn, @NotNull @PlausibleDate LocalDate endsOn, Set<Question> questions,
		CampaignTarget target, @PlausibleDate LocalDate targetSince) implements FieldRules.Form {

	public CampaignForm(String name, String rootRegion, LocalDate startsOn, LocalDate endsOn, Set<Question> questions) {
		this(name, rootRegion, startsOn, endsOn, questions, CampaignTarget.ALL_HOUSEHOLDS, null);
	}

	public CampaignTarget targetOrDefault() {
		return target == null ? CampaignTarget.ALL_HOUSEHOLDS : target;
	}

	/**
	 * The period ends on or after its start; returnees are counted from a day.
	 */
	@Override
	public void rules(FieldRules.Rules rules) {
		rules.require(startsOn == null || endsOn == null || !endsOn.isBefore(startsOn), "endsOn",
				"problem.field.not-before", startsOn);
		rules.require(targetOrDefault() != CampaignTarget.RETURNEES_SINCE || targetSince != null, "targetSince",
				"screening.problem.target-since");
	}

}

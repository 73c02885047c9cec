package cn.huoxian.inspection;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import cn.huoxian.shared.FieldRules;
import cn.huoxian.shared.Messages;
import cn.huoxian.shared.PlausibleDate;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

/**
 * Recording an inspection: the inspecting cadre, a target region code or a target unit
 * code (exactly one), the day (default today), the four looks each rated 1 to 5 with
 * findings, a summary, optionally the liaison group it was made by, and the findings
 * turned into rectifications.
 */
@FieldRules
public record InspectionForm(@NotNull(message = "{problem.required}") @Min(1) Long inspectorId,
		@Size(max = 20, message = "{inspection.field.too-long}") String targetRegion,
		@Size(max = 40, message = "{inspection.field.too-long}") String targetUnit,
		@PlausibleDate @PastOrPresent(message = "{problem.field.future}") LocalDate date,
		@NotNull(message = "{inspection.field.four-looks}") @Size(min = 4, max = 4,
				message = "{inspection.field.four-looks}") @Valid List<@NotNull(
						message = "{problem.required}") @Valid LookEntry> looks,
		@Size(max = 1000, message = "{inspection.field.too-long}") String summary, @Min(1) Long liaisonGroupId,
		@Valid @Size(
				max = 20) List<@NotNull(message = "{problem.field.not-blank}") @Valid RectificationForm> rectifications)
		implements
			FieldRules.Form {

	@Override
	public void rules(FieldRules.Rules rules) {
		oneTarget(rules, targetRegion, targetUnit);
		if (looks != null) {
			Set<Look> seen = EnumSet.noneOf(Look.class);
			for (int i = 0; i < looks.size(); i++) {
				Look look = looks.get(i) == null ? null : looks.get(i).look();
				rules.require(look == null || seen.add(look), "looks[" + i + "].look", "inspection.field.look-twice",
						look == null ? "" : Messages.text("inspect.look." + look));
			}
		}
	}

	/** A region or a unit is inspected: exactly one of the two. */
	public static void oneTarget(FieldRules.Rules rules, String targetRegion, String targetUnit) {
		rules.require(blank(targetRegion) != blank(targetUnit), "targetRegion", "inspection.field.one-target");
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

	/** One of the four looks: its rating (1–5) and what was found. */
	public record LookEntry(@NotNull(message = "{problem.required}") Look look,
			@NotNull(message = "{inspection.field.rating}") @Min(value = 1, message = "{inspection.field.rating}") @Max(
					value = 5, message = "{inspection.field.rating}") Integer rating,
			@Size(max = 1000, message = "{inspection.field.too-long}") String findings) {
	}

}

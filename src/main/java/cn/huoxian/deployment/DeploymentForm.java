package cn.huoxian.deployment;

import java.time.LocalDate;

import cn.huoxian.shared.FieldRules;
import cn.huoxian.shared.PlausibleDate;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Deploying a cadre: {@code region} is a region code (not needed for a team, whose region
 * it takes), {@code post} names a checkpoint, hospital or site, {@code startDate}
 * defaults to today, {@code endDate} is an optional planned end; {@code endCurrent} ends
 * the cadre's current position first (one cadre, one position).
 */
@FieldRules
public record DeploymentForm(@NotNull(message = "{problem.required}") @Min(1) Long personId,
		@NotNull(message = "{deployment.field.post-kind}") PostKind postKind,
		@Size(max = 20, message = "{deployment.field.too-long}") String region,
		@Size(max = 200, message = "{deployment.field.too-long}") String post, @Min(1) Long teamId,
		@Size(max = 200, message = "{deployment.field.too-long}") String duty, @PlausibleDate LocalDate startDate,
		@PlausibleDate LocalDate endDate, Boolean endCurrent) implements FieldRules.Form {

	@Override
	public void rules(FieldRules.Rules rules) {
		rules(rules, postKind, region, post, teamId, startDate, endDate);
	}

	/**
	 * The rules across the fields, for this form and the page's: a team needs its id, any
	 * other kind a region, a checkpoint, hospital or site its name; a planned end not
	 * before the start.
	 */
	public static void rules(FieldRules.Rules rules, PostKind kind, String region, String post, Long teamId,
			LocalDate start, LocalDate end) {
		rules.require(kind != PostKind.TEAM || teamId != null, "teamId", "deployment.field.team-required")
			.require(kind == null || kind == PostKind.TEAM || !blank(region), "region", "problem.required")
			.require(kind == null || !kind.needsPost() || !blank(post), "post", "deployment.field.post-required",
					kind == null ? "" : cn.huoxian.shared.Messages.text("deploy.kind." + kind))
			.require(start == null || end == null || !end.isBefore(start), "endDate",
					"deployment.field.end-before-start");
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

}

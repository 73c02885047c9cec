package cn.huoxian.vanguard.web;

import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import cn.huoxian.vanguard.BattleRequestForm;
import cn.huoxian.vanguard.ClaimedPostForm;
import cn.huoxian.vanguard.ModelPostForm;
import cn.huoxian.vanguard.TeamForm;
import cn.huoxian.vanguard.TemporaryMemberForm;
import cn.huoxian.vanguard.ZoneForm;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.validation.BindingResult;

/**
 * The forms of the party-members-at-the-front pages: ids and dates typed, a value not of
 * its type worded by {@link cn.huoxian.shared.web.PageForms#wordMismatches} and kept as
 * typed; the API's form records check the rest when the service is called.
 */
final class VanguardPageForms {

	private VanguardPageForms() {
	}

	record Zone(@NotNull(message = "{problem.required}") Long personId,
			@Size(max = 20, message = "{vanguard.field.too-long}") String region,
			@NotBlank(message = "{problem.required}") @Size(max = 200,
					message = "{vanguard.field.too-long}") String area,
			@DateTimeFormat(iso = ISO.DATE) LocalDate since) {

		ZoneForm toForm() {
			return new ZoneForm(personId, region, area, since);
		}
	}

	record ModelPost(
			@NotBlank(message = "{problem.required}") @Size(max = 200,
					message = "{vanguard.field.too-long}") String name,
			@NotNull(message = "{problem.required}") Long partyOrganisationId,
			@NotNull(message = "{problem.required}") Long holderId,
			@Size(max = 20, message = "{vanguard.field.too-long}") String region,
			@DateTimeFormat(iso = ISO.DATE) LocalDate designatedOn) {

		ModelPostForm toForm() {
			return new ModelPostForm(name, partyOrganisationId, holderId, region, designatedOn);
		}
	}

	record ClaimedPost(@NotNull(message = "{problem.required}") Long personId,
			@NotBlank(message = "{problem.required}") @Size(max = 200,
					message = "{vanguard.field.too-long}") String post,
			@Size(max = 20, message = "{vanguard.field.too-long}") String region,
			@DateTimeFormat(iso = ISO.DATE) LocalDate claimedOn) {

		ClaimedPostForm toForm() {
			return new ClaimedPostForm(personId, post, region, claimedOn);
		}
	}

	record BattleRequest(@NotNull(message = "{problem.required}") Long personId,
			@DateTimeFormat(iso = ISO.DATE) LocalDate submittedOn,
			@NotBlank(message = "{problem.required}") @Size(max = 2000,
					message = "{vanguard.field.too-long}") String text,
			@Size(max = 20, message = "{vanguard.field.too-long}") String region) {

		BattleRequestForm toForm() {
			return new BattleRequestForm(personId, submittedOn, text);
		}
	}

	/**
	 * Accepting a battle request into a team or a post (the service wants one of them).
	 */
	record Accept(Long teamId, @Size(max = 200, message = "{vanguard.field.too-long}") String post,
			@Size(max = 20, message = "{vanguard.field.too-long}") String region) {
	}

	record Decline(
			@NotBlank(message = "{problem.required}") @Size(max = 500,
					message = "{vanguard.field.too-long}") String note,
			@Size(max = 20, message = "{vanguard.field.too-long}") String region) {
	}

	record TemporaryMember(@NotNull(message = "{problem.required}") Long personId, String secretary,
			String replaceSecretary, Long fromUnitId, @DateTimeFormat(iso = ISO.DATE) LocalDate joinedOn) {

		TemporaryMemberForm toForm() {
			return new TemporaryMemberForm(personId, checked(secretary), checked(replaceSecretary), fromUnitId,
					joinedOn);
		}
	}

	record Team(
			@NotBlank(message = "{problem.required}") @Size(max = 100,
					message = "{vanguard.field.too-long}") String name,
			@NotNull(message = "{problem.required}") Long partyOrganisationId,
			@Size(max = 20, message = "{vanguard.field.too-long}") String region, Long leaderId,
			@Size(max = 500, message = "{vanguard.field.too-long}") String task,
			@DateTimeFormat(iso = ISO.DATE) LocalDate formedOn) {

		TeamForm toForm() {
			return new TeamForm(name, partyOrganisationId, region, leaderId, task, formedOn);
		}
	}

	record Join(@NotNull(message = "{problem.required}") Long personId,
			@DateTimeFormat(iso = ISO.DATE) LocalDate joinedOn) {
	}

	record Task(
			@NotBlank(message = "{problem.required}") @Size(max = 500,
					message = "{vanguard.field.too-long}") String description,
			@DateTimeFormat(iso = ISO.DATE) LocalDate dueOn) {
	}

	record Dissolve(@DateTimeFormat(iso = ISO.DATE) LocalDate dissolvedOn) {
	}

	static boolean checked(String value) {
		return "true".equals(value) || "on".equals(value);
	}

	/**
	 * What was typed into the form's fields (a value not of its type as typed), for the
	 * page to show again after a refusal.
	 */
	static Map<String, String> typed(Record form, BindingResult binding) {
		Map<String, String> typed = new LinkedHashMap<>();
		for (RecordComponent component : form.getClass().getRecordComponents()) {
			Object value = binding.getFieldValue(component.getName());
			if (value instanceof String[] values) {
				value = values.length == 0 ? null : values[0];
			}
			if (value != null) {
				typed.put(component.getName(), String.valueOf(value));
			}
		}
		return typed;
	}

}

package cn.huoxian.vanguard.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import cn.huoxian.shared.InvalidInputException;
import cn.huoxian.shared.Messages;
import cn.huoxian.vanguard.BattleRequestForm;
import cn.huoxian.vanguard.ClaimedPostForm;
import cn.huoxian.vanguard.ModelPostForm;
import cn.huoxian.vanguard.TeamForm;
import cn.huoxian.vanguard.TemporaryMemberForm;
import cn.huoxian.vanguard.ZoneForm;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The forms of the party-members-at-the-front pages, as typed: ids and dates are text
 * with their shape checked (Bean Validation), converted once the form is valid; the API's
 * form records check the rest when the service is called. {@code typed} is what the page
 * shows again after a refusal.
 */
final class VanguardPageForms {

	/** One id (digits, at most 18 so that it fits a long), blank allowed. */
	static final String ID = "\\s*(\\d{1,18})?\\s*";

	/** An ISO date, blank allowed (whether the day exists is checked when it is read). */
	static final String DATE = "\\s*(\\d{4}-\\d{2}-\\d{2})?\\s*";

	private VanguardPageForms() {
	}

	record Zone(
			@NotBlank(message = "{problem.required}") @Pattern(regexp = ID,
					message = "{vanguard.field.id}") String personId,
			@Size(max = 20, message = "{vanguard.field.too-long}") String region,
			@NotBlank(message = "{problem.required}") @Size(max = 200,
					message = "{vanguard.field.too-long}") String area,
			@Pattern(regexp = DATE, message = "{frontline.form.not-date}") String since) {

		ZoneForm toForm() {
			return new ZoneForm(id(personId), region, area, date("since", since));
		}

		Map<String, String> typed() {
			return VanguardPageForms.typed("personId", personId, "region", region, "area", area, "since", since);
		}
	}

	record ModelPost(
			@NotBlank(message = "{problem.required}") @Size(max = 200,
					message = "{vanguard.field.too-long}") String name,
			@NotBlank(message = "{problem.required}") @Pattern(regexp = ID,
					message = "{vanguard.field.id}") String partyOrganisationId,
			@NotBlank(message = "{problem.required}") @Pattern(regexp = ID,
					message = "{vanguard.field.id}") String holderId,
			@Size(max = 20, message = "{vanguard.field.too-long}") String region,
			@Pattern(regexp = DATE, message = "{frontline.form.not-date}") String designatedOn) {

		ModelPostForm toForm() {
			return new ModelPostForm(name, id(partyOrganisationId), id(holderId), region,
					date("designatedOn", designatedOn));
		}

		Map<String, String> typed() {
			return VanguardPageForms.typed("name", name, "partyOrganisationId", partyOrganisationId, "holderId",
					holderId, "region", region, "designatedOn", designatedOn);
		}
	}

	record ClaimedPost(
			@NotBlank(message = "{problem.required}") @Pattern(regexp = ID,
					message = "{vanguard.field.id}") String personId,
			@NotBlank(message = "{problem.required}") @Size(max = 200,
					message = "{vanguard.field.too-long}") String post,
			@Size(max = 20, message = "{vanguard.field.too-long}") String region,
			@Pattern(regexp = DATE, message = "{frontline.form.not-date}") String claimedOn) {

		ClaimedPostForm toForm() {
			return new ClaimedPostForm(id(personId), post, region, date("claimedOn", claimedOn));
		}

		Map<String, String> typed() {
			return VanguardPageForms.typed("personId", personId, "post", post, "region", region, "claimedOn",
					claimedOn);
		}
	}

	record BattleRequest(
			@NotBlank(message = "{problem.required}") @Pattern(regexp = ID,
					message = "{vanguard.field.id}") String personId,
			@Pattern(regexp = DATE, message = "{frontline.form.not-date}") String submittedOn,
			@NotBlank(message = "{problem.required}") @Size(max = 2000,
					message = "{vanguard.field.too-long}") String text,
			@Size(max = 20, message = "{vanguard.field.too-long}") String region) {

		BattleRequestForm toForm() {
			return new BattleRequestForm(id(personId), date("submittedOn", submittedOn), text);
		}

		Map<String, String> typed() {
			return VanguardPageForms.typed("personId", personId, "submittedOn", submittedOn, "text", text, "region",
					region);
		}
	}

	/**
	 * Accepting a battle request into a team or a post (the service wants one of them).
	 */
	record Accept(@Pattern(regexp = ID, message = "{vanguard.field.id}") String teamId,
			@Size(max = 200, message = "{vanguard.field.too-long}") String post,
			@Size(max = 20, message = "{vanguard.field.too-long}") String region) {

		Long team() {
			return id(teamId);
		}

		Map<String, String> typed() {
			return VanguardPageForms.typed("teamId", teamId, "post", post, "region", region);
		}
	}

	record Decline(
			@NotBlank(message = "{problem.required}") @Size(max = 500,
					message = "{vanguard.field.too-long}") String note,
			@Size(max = 20, message = "{vanguard.field.too-long}") String region) {

		Map<String, String> typed() {
			return VanguardPageForms.typed("note", note, "region", region);
		}
	}

	record TemporaryMember(
			@NotBlank(message = "{problem.required}") @Pattern(regexp = ID,
					message = "{vanguard.field.id}") String personId,
			String secretary, String replaceSecretary,
			@Pattern(regexp = ID, message = "{vanguard.field.id}") String fromUnitId,
			@Pattern(regexp = DATE, message = "{frontline.form.not-date}") String joinedOn) {

		TemporaryMemberForm toForm() {
			return new TemporaryMemberForm(id(personId), checked(secretary), checked(replaceSecretary), id(fromUnitId),
					date("joinedOn", joinedOn));
		}

		Map<String, String> typed() {
			return VanguardPageForms.typed("personId", personId, "secretary", secretary, "replaceSecretary",
					replaceSecretary, "fromUnitId", fromUnitId, "joinedOn", joinedOn);
		}
	}

	record Team(
			@NotBlank(message = "{problem.required}") @Size(max = 100,
					message = "{vanguard.field.too-long}") String name,
			@NotBlank(message = "{problem.required}") @Pattern(regexp = ID,
					message = "{vanguard.field.id}") String partyOrganisationId,
			@Size(max = 20, message = "{vanguard.field.too-long}") String region,
			@Pattern(regexp = ID, message = "{vanguard.field.id}") String leaderId,
			@Size(max = 500, message = "{vanguard.field.too-long}") String task,
			@Pattern(regexp = DATE, message = "{frontline.form.not-date}") String formedOn) {

		TeamForm toForm() {
			return new TeamForm(name, id(partyOrganisationId), region, id(leaderId), task, date("formedOn", formedOn));
		}

		Map<String, String> typed() {
			return VanguardPageForms.typed("name", name, "partyOrganisationId", partyOrganisationId, "region", region,
					"leaderId", leaderId, "task", task, "formedOn", formedOn);
		}
	}

	record Join(
			@NotBlank(message = "{problem.required}") @Pattern(regexp = ID,
					message = "{vanguard.field.id}") String personId,
			@Pattern(regexp = DATE, message = "{frontline.form.not-date}") String joinedOn) {

		Map<String, String> typed() {
			return VanguardPageForms.typed("personId", personId, "joinedOn", joinedOn);
		}
	}

	record Task(
			@NotBlank(message = "{problem.required}") @Size(max = 500,
					message = "{vanguard.field.too-long}") String description,
			@Pattern(regexp = DATE, message = "{frontline.form.not-date}") String dueOn) {

		Map<String, String> typed() {
			return VanguardPageForms.typed("description", description, "dueOn", dueOn);
		}
	}

	record Dissolve(@Pattern(regexp = DATE, message = "{frontline.form.not-date}") String dissolvedOn) {

		Map<String, String> typed() {
			return VanguardPageForms.typed("dissolvedOn", dissolvedOn);
		}
	}

	static Long id(String value) {
		return value == null || value.isBlank() ? null : Long.valueOf(value.strip());
	}

	/** A date whose shape the form checked; a day that does not exist is refused here. */
	static LocalDate date(String field, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException(field, Messages.text("frontline.form.not-date"));
		}
	}

	static boolean checked(String value) {
		return "true".equals(value) || "on".equals(value);
	}

	private static Map<String, String> typed(String... namesAndValues) {
		Map<String, String> typed = new LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			if (namesAndValues[i + 1] != null) {
				typed.put(namesAndValues[i], namesAndValues[i + 1]);
			}
		}
		return typed;
	}

}

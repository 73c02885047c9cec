package cn.huoxian.isolation.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import cn.huoxian.isolation.CaseForm;
import cn.huoxian.isolation.CaseReason;
import cn.huoxian.isolation.CaseType;
import cn.huoxian.shared.PlausibleDate;
import cn.huoxian.shared.Text;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The page's form to open a case: the fields of {@link CaseForm} under the same
 * constraints, bound one by one so that what was typed stays in the form.
 * {@code responsibleIds} is typed as ids separated by commas or spaces.
 */
public class OpenCaseForm {

	/** Ids separated by commas (also full-width) or spaces, blank allowed. */
	static final String IDS = "[\\s,，]*(\\d{1,18}([\\s,，]+\\d{1,18})*)?[\\s,，]*";

	@NotNull(message = "{problem.required}")
	@Min(1)
	private Long personId;

	@NotNull(message = "{problem.required}")
	private CaseType type;

	@NotNull(message = "{problem.required}")
	private CaseReason reason;

	@PlausibleDate
	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate startDate;

	@Min(value = 1, message = "{isolation.field.period}")
	@Max(value = 60, message = "{isolation.field.period}")
	private Integer periodDays;

	@Size(max = 200)
	private String place = "";

	@Pattern(regexp = "\\s*(([01]\\d|2[0-3]):[0-5]\\d)?\\s*", message = "{isolation.problem.contact-time}")
	private String contactTime = "";

	@Pattern(regexp = IDS, message = "{isolation.field.ids}")
	private String responsibleIds = "";

	/** A new form: home isolation of a returnee, from today, contacted at nine. */
	static OpenCaseForm startingOn(LocalDate today) {
		OpenCaseForm form = new OpenCaseForm();
		form.type = CaseType.HOME_ISOLATION;
		form.reason = CaseReason.RETURNED_FROM_HIGH_RISK_AREA;
		form.startDate = today;
		form.contactTime = "09:00";
		return form;
	}

	CaseForm toForm() {
		List<Long> responsible = new ArrayList<>();
		for (String part : responsibleIds == null ? new String[0] : responsibleIds.split("[,，\\s]+")) {
			// the same cadre named twice is one responsible cadre
			if (!part.isBlank() && !responsible.contains(Long.valueOf(part))) {
				responsible.add(Long.valueOf(part));
			}
		}
		return new CaseForm(personId, type, reason, null, startDate, periodDays, Text.orNull(place),
				Text.orNull(contactTime), responsible);
	}

	public Long getPersonId() {
		return personId;
	}

	public void setPersonId(Long personId) {
		this.personId = personId;
	}

	public CaseType getType() {
		return type;
	}

	public void setType(CaseType type) {
		this.type = type;
	}

	public CaseReason getReason() {
		return reason;
	}

	public void setReason(CaseReason reason) {
		this.reason = reason;
	}

	public LocalDate getStartDate() {
		return startDate;
	}

	public void setStartDate(LocalDate startDate) {
		this.startDate = startDate;
	}

	public Integer getPeriodDays() {
		return periodDays;
	}

	public void setPeriodDays(Integer periodDays) {
		this.periodDays = periodDays;
	}

	public String getPlace() {
		return place;
	}

	public void setPlace(String place) {
		this.place = place;
	}

	public String getContactTime() {
		return contactTime;
	}

	public void setContactTime(String contactTime) {
		this.contactTime = contactTime;
	}

	public String getResponsibleIds() {
		return responsibleIds;
	}

	public void setResponsibleIds(String responsibleIds) {
		this.responsibleIds = responsibleIds;
	}

}

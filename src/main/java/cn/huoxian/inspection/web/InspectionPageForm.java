package cn.huoxian.inspection.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.huoxian.inspection.InspectionForm;
import cn.huoxian.inspection.Look;
import cn.huoxian.inspection.RectificationForm;
import cn.huoxian.shared.FieldRules;
import cn.huoxian.shared.PlausibleDate;
import cn.huoxian.shared.Text;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The inspection form on the page: the fields of {@link InspectionForm} under the same
 * constraints, with one row per look (its rating, findings and, when filled in, the
 * rectification it becomes), bound one by one so that what was typed stays in the form.
 */
@FieldRules
public class InspectionPageForm implements FieldRules.Form {

	@NotNull(message = "{problem.required}")
	@Min(1)
	private Long inspectorId;

	@Size(max = 20, message = "{inspection.field.too-long}")
	private String targetRegion = "";

	@Size(max = 40, message = "{inspection.field.too-long}")
	private String targetUnit = "";

	@PlausibleDate
	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate date;

	@Valid
	private final Map<Look, LookRow> looks = new LinkedHashMap<>();

	@Size(max = 1000, message = "{inspection.field.too-long}")
	private String summary = "";

	@Min(1)
	private Long liaisonGroupId;

	public InspectionPageForm() {
		for (Look look : Look.values()) {
			this.looks.put(look, new LookRow());
		}
	}

	static InspectionPageForm on(LocalDate day) {
		InspectionPageForm form = new InspectionPageForm();
		form.date = day;
		return form;
	}

	@Override
	public void rules(FieldRules.Rules rules) {
		InspectionForm.oneTarget(rules, targetRegion, targetUnit);
	}

	/** The looks whose rows became rectifications, in the order of the form's list. */
	List<Look> fixed() {
		return looks.entrySet().stream().filter(e -> e.getValue().hasFix()).map(Map.Entry::getKey).toList();
	}

	InspectionForm toForm() {
		List<InspectionForm.LookEntry> entries = new ArrayList<>();
		List<RectificationForm> fixes = new ArrayList<>();
		looks.forEach((look, row) -> {
			entries.add(new InspectionForm.LookEntry(look, row.rating, Text.orNull(row.findings)));
			if (row.hasFix()) {
				fixes.add(new RectificationForm(look, Text.orNull(row.item), row.ownerId, row.deadline));
			}
		});
		return new InspectionForm(inspectorId, Text.orNull(targetRegion), Text.orNull(targetUnit), date, entries,
				Text.orNull(summary), liaisonGroupId, fixes);
	}

	public Long getInspectorId() {
		return inspectorId;
	}

	public void setInspectorId(Long inspectorId) {
		this.inspectorId = inspectorId;
	}

	public String getTargetRegion() {
		return targetRegion;
	}

	public void setTargetRegion(String targetRegion) {
		this.targetRegion = targetRegion;
	}

	public String getTargetUnit() {
		return targetUnit;
	}

	public void setTargetUnit(String targetUnit) {
		this.targetUnit = targetUnit;
	}

	public LocalDate getDate() {
		return date;
	}

	public void setDate(LocalDate date) {
		this.date = date;
	}

	public Map<Look, LookRow> getLooks() {
		return looks;
	}

	public String getSummary() {
		return summary;
	}

	public void setSummary(String summary) {
		this.summary = summary;
	}

	public Long getLiaisonGroupId() {
		return liaisonGroupId;
	}

	public void setLiaisonGroupId(Long liaisonGroupId) {
		this.liaisonGroupId = liaisonGroupId;
	}

	/**
	 * One look on the page: its rating and findings and, when any of them is filled in, a
	 * rectification (what, who, by when: then all three).
	 */
	@FieldRules
	public static class LookRow implements FieldRules.Form {

		@NotNull(message = "{inspection.field.rating}")
		@Min(value = 1, message = "{inspection.field.rating}")
		@Max(value = 5, message = "{inspection.field.rating}")
		private Integer rating;

		@Size(max = 1000, message = "{inspection.field.too-long}")
		private String findings = "";

		@Size(max = 500, message = "{inspection.field.too-long}")
		private String item = "";

		@Min(1)
		private Long ownerId;

		@PlausibleDate
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
		private LocalDate deadline;

		/** True when the row is also a rectification. */
		public boolean hasFix() {
			return Text.orNull(item) != null || ownerId != null || deadline != null;
		}

		@Override
		public void rules(FieldRules.Rules rules) {
			if (hasFix()) {
				rules.require(Text.orNull(item) != null, "item", "rectification.field.item")
					.require(ownerId != null, "ownerId", "problem.required")
					.require(deadline != null, "deadline", "problem.required");
			}
		}

		public Integer getRating() {
			return rating;
		}

		public void setRating(Integer rating) {
			this.rating = rating;
		}

		public String getFindings() {
			return findings;
		}

		public void setFindings(String findings) {
			this.findings = findings;
		}

		public String getItem() {
			return item;
		}

		public void setItem(String item) {
			this.item = item;
		}

		public Long getOwnerId() {
			return ownerId;
		}

		public void setOwnerId(Long ownerId) {
			this.ownerId = ownerId;
		}

		public LocalDate getDeadline() {
			return deadline;
		}

		public void setDeadline(LocalDate deadline) {
			this.deadline = deadline;
		}

	}

}

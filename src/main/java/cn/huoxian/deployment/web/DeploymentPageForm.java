package cn.huoxian.deployment.web;

import java.time.LocalDate;

import cn.huoxian.deployment.DeploymentForm;
import cn.huoxian.deployment.PostKind;
import cn.huoxian.shared.FieldRules;
import cn.huoxian.shared.PlausibleDate;
import cn.huoxian.shared.Text;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The deploy form on the page: the fields of {@link DeploymentForm} under the same
 * constraints, bound one by one so that what was typed stays in the form.
 */
@FieldRules
public class DeploymentPageForm implements FieldRules.Form {

	@NotNull(message = "{problem.required}")
	@Min(1)
	private Long personId;

	@NotNull(message = "{deployment.field.post-kind}")
	private PostKind postKind = PostKind.REGION;

	@Size(max = 20, message = "{deployment.field.too-long}")
	private String region = "";

	@Size(max = 200, message = "{deployment.field.too-long}")
	private String post = "";

	@Min(1)
	private Long teamId;

	@Size(max = 200, message = "{deployment.field.too-long}")
	private String duty = "";

	@PlausibleDate
	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate startDate;

	@PlausibleDate
	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate endDate;

	private boolean endCurrent;

	/** A new form: a whole region, starting today. */
	static DeploymentPageForm startingOn(String region, LocalDate today) {
		DeploymentPageForm form = new DeploymentPageForm();
		form.region = region;
		form.startDate = today;
		return form;
	}

	@Override
	public void rules(FieldRules.Rules rules) {
		DeploymentForm.rules(rules, postKind, region, post, teamId, startDate, endDate);
	}

	DeploymentForm toForm() {
		return new DeploymentForm(personId, postKind, Text.orNull(region), Text.orNull(post), teamId, Text.orNull(duty),
				startDate, endDate, endCurrent);
	}

	public Long getPersonId() {
		return personId;
	}

	public void setPersonId(Long personId) {
		this.personId = personId;
	}

	public PostKind getPostKind() {
		return postKind;
	}

	public void setPostKind(PostKind postKind) {
		this.postKind = postKind;
	}

	public String getRegion() {
		return region;
	}

	public void setRegion(String region) {
		this.region = region;
	}

	public String getPost() {
		return post;
	}

	public void setPost(String post) {
		this.post = post;
	}

	public Long getTeamId() {
		return teamId;
	}

	public void setTeamId(Long teamId) {
		this.teamId = teamId;
	}

	public String getDuty() {
		return duty;
	}

	public void setDuty(String duty) {
		this.duty = duty;
	}

	public LocalDate getStartDate() {
		return startDate;
	}

	public void setStartDate(LocalDate startDate) {
		this.startDate = startDate;
	}

	public LocalDate getEndDate() {
		return endDate;
	}

	public void setEndDate(LocalDate endDate) {
		this.endDate = endDate;
	}

	public boolean isEndCurrent() {
		return endCurrent;
	}

	public void setEndCurrent(boolean endCurrent) {
		this.endCurrent = endCurrent;
	}

}

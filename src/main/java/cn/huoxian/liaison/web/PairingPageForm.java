package cn.huoxian.liaison.web;

import java.time.LocalDate;

import cn.huoxian.liaison.PairingForm;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The page's form to pair a unit with a community: ids and the start date typed (a value
 * not of its type worded by {@link cn.huoxian.shared.web.PageForms#wordMismatches} and
 * kept as typed), the work team's ids as text, separated by commas or spaces.
 */
public class PairingPageForm {

	@NotBlank(message = "{problem.required}")
	@Size(max = 40, message = "{liaison.field.too-long}")
	private String unitCode;

	@NotBlank(message = "{problem.required}")
	@Size(max = 20, message = "{liaison.field.too-long}")
	private String communityCode;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate startedOn;

	@Min(1)
	private Long liaisonLeaderId;

	@Min(1)
	private Long responsiblePersonId;

	@Size(max = 1000, message = "{liaison.field.too-long}")
	@Pattern(regexp = LiaisonPages.IDS, message = "{liaison.field.ids}")
	private String teamMemberIds;

	@Size(max = 4000, message = "{liaison.field.too-long}")
	private String workPlan;

	/** The region whose list the form sits under (to show the list again). */
	@Size(max = 20, message = "{liaison.field.too-long}")
	private String listRegion;

	PairingForm toForm() {
		return new PairingForm(unitCode, communityCode, startedOn, liaisonLeaderId, responsiblePersonId,
				LiaisonPages.ids(teamMemberIds), workPlan);
	}

	public String getUnitCode() {
		return unitCode;
	}

	public void setUnitCode(String unitCode) {
		this.unitCode = unitCode;
	}

	public String getCommunityCode() {
		return communityCode;
	}

	public void setCommunityCode(String communityCode) {
		this.communityCode = communityCode;
	}

	public LocalDate getStartedOn() {
		return startedOn;
	}

	public void setStartedOn(LocalDate startedOn) {
		this.startedOn = startedOn;
	}

	public Long getLiaisonLeaderId() {
		return liaisonLeaderId;
	}

	public void setLiaisonLeaderId(Long liaisonLeaderId) {
		this.liaisonLeaderId = liaisonLeaderId;
	}

	public Long getResponsiblePersonId() {
		return responsiblePersonId;
	}

	public void setResponsiblePersonId(Long responsiblePersonId) {
		this.responsiblePersonId = responsiblePersonId;
	}

	public String getTeamMemberIds() {
		return teamMemberIds;
	}

	public void setTeamMemberIds(String teamMemberIds) {
		this.teamMemberIds = teamMemberIds;
	}

	public String getWorkPlan() {
		return workPlan;
	}

	public void setWorkPlan(String workPlan) {
		this.workPlan = workPlan;
	}

	public String getListRegion() {
		return listRegion;
	}

	public void setListRegion(String listRegion) {
		this.listRegion = listRegion;
	}

}

package cn.huoxian.liaison.web;

import cn.huoxian.liaison.PairingForm;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The page's form to pair a unit with a community, as typed: ids and the start date are
 * text until the form is valid.
 */
public class PairingPageForm {

	@NotBlank(message = "{problem.required}")
	@Size(max = 40, message = "{liaison.field.too-long}")
	private String unitCode;

	@NotBlank(message = "{problem.required}")
	@Size(max = 20, message = "{liaison.field.too-long}")
	private String communityCode;

	@Pattern(regexp = PageFields.DATE, message = "{liaison.field.date}")
	private String startedOn;

	@Pattern(regexp = PageFields.ID, message = "{liaison.field.id}")
	private String liaisonLeaderId;

	@Pattern(regexp = PageFields.ID, message = "{liaison.field.id}")
	private String responsiblePersonId;

	@Size(max = 1000, message = "{liaison.field.too-long}")
	@Pattern(regexp = PageFields.IDS, message = "{liaison.field.ids}")
	private String teamMemberIds;

	@Size(max = 4000, message = "{liaison.field.too-long}")
	private String workPlan;

	/** The region whose list the form sits under (to show the list again). */
	@Size(max = 20, message = "{liaison.field.too-long}")
	private String listRegion;

	PairingForm toForm() {
		return new PairingForm(unitCode, communityCode, PageFields.date("startedOn", startedOn),
				PageFields.id(liaisonLeaderId), PageFields.id(responsiblePersonId), PageFields.ids(teamMemberIds),
				workPlan);
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

	public String getStartedOn() {
		return startedOn;
	}

	public void setStartedOn(String startedOn) {
		this.startedOn = startedOn;
	}

	public String getLiaisonLeaderId() {
		return liaisonLeaderId;
	}

	public void setLiaisonLeaderId(String liaisonLeaderId) {
		this.liaisonLeaderId = liaisonLeaderId;
	}

	public String getResponsiblePersonId() {
		return responsiblePersonId;
	}

	public void setResponsiblePersonId(String responsiblePersonId) {
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

package cn.huoxian.liaison.web;

import cn.huoxian.liaison.PairingChange;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/**
 * The body of a pairing's partial change:
 * {@code {"liaisonLeaderId","responsiblePersonId","workPlan"}}. A field left out is kept;
 * a field given as null is cleared (Jackson calls a setter only for a field present in
 * the body).
 */
class PairingPatch {

	@Min(1)
	private Long liaisonLeaderId;

	@Min(1)
	private Long responsiblePersonId;

	@Size(max = 4000, message = "{liaison.field.too-long}")
	private String workPlan;

	private boolean liaisonLeaderGiven;

	private boolean responsiblePersonGiven;

	private boolean workPlanGiven;

	public Long getLiaisonLeaderId() {
		return liaisonLeaderId;
	}

	public void setLiaisonLeaderId(Long liaisonLeaderId) {
		this.liaisonLeaderId = liaisonLeaderId;
		this.liaisonLeaderGiven = true;
	}

	public Long getResponsiblePersonId() {
		return responsiblePersonId;
	}

	public void setResponsiblePersonId(Long responsiblePersonId) {
		this.responsiblePersonId = responsiblePersonId;
		this.responsiblePersonGiven = true;
	}

	public String getWorkPlan() {
		return workPlan;
	}

	public void setWorkPlan(String workPlan) {
		this.workPlan = workPlan;
		this.workPlanGiven = true;
	}

	PairingChange change() {
		return new PairingChange(liaisonLeaderGiven, liaisonLeaderId, responsiblePersonGiven, responsiblePersonId,
				workPlanGiven, workPlan);
	}

}

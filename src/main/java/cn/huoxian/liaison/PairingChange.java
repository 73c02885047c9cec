package cn.huoxian.liaison;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/**
 * A partial change of a pairing: only the parts given are changed; a part given as null
 * is cleared. The liaison leader and responsible person are region staff's to set, the
 * work plan's text (≤4000) also the paired unit's.
 */
public record PairingChange(boolean liaisonLeaderGiven, @Min(1) Long liaisonLeaderId, boolean responsiblePersonGiven,
		@Min(1) Long responsiblePersonId, boolean workPlanGiven,
		@Size(max = 4000, message = "{liaison.field.too-long}") String workPlan) {

}

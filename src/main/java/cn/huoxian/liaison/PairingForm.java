package cn.huoxian.liaison;

import java.time.LocalDate;
import java.util.List;

import cn.huoxian.shared.PlausibleDate;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

/**
 * Pairing a unit with a community (五个一): the unit and community codes (required), the
 * start date (default today; not after today, which the service checks against the
 * application's clock), the liaison leader (县处级) and the responsible person (乡科级), both
 * optional at first, the work team's members and the work plan's text (≤4000).
 */
public record PairingForm(
		@NotBlank(message = "{problem.required}") @Size(max = 40, message = "{liaison.field.too-long}") String unitCode,
		@NotBlank(message = "{problem.required}") @Size(max = 20,
				message = "{liaison.field.too-long}") String communityCode,
		@PlausibleDate @PastOrPresent(message = "{problem.field.future}") LocalDate startedOn,
		@Min(1) Long liaisonLeaderId, @Min(1) Long responsiblePersonId,
		@Size(max = 50) List<@Min(1) Long> teamMemberIds,
		@Size(max = 4000, message = "{liaison.field.too-long}") String workPlan) {

	public List<Long> teamOrEmpty() {
		return teamMemberIds == null ? List.of() : teamMemberIds;
	}

}

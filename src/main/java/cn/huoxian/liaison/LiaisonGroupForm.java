package cn.huoxian.liaison;

import java.util.List;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A liaison group (包联组): its name (≤100), its leader (a cadre), the code of the region
 * where it is formed, its members (persons) and the codes of the communities it answers
 * for (villages or communities under the region). Name, leader and region are required.
 */
public record LiaisonGroupForm(
		@NotBlank(message = "{problem.required}") @Size(max = 100, message = "{liaison.field.too-long}") String name,
		@NotNull(message = "{problem.required}") @Min(1) Long leaderId,
		@NotBlank(message = "{problem.required}") @Size(max = 20, message = "{liaison.field.too-long}") String region,
		@Size(max = 50) List<@Min(1) Long> memberIds, @Size(max = 50) List<@Size(max = 20) String> communityCodes) {

	public List<Long> membersOrEmpty() {
		return memberIds == null ? List.of() : memberIds;
	}

	public List<String> communitiesOrEmpty() {
		return communityCodes == null ? List.of() : communityCodes;
	}

}

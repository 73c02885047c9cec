package cn.huoxian.people;

import java.time.LocalDate;

import cn.huoxian.shared.PlausibleDate;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/**
 * One role a person holds with the facts it needs: a cadre's rank, position and unit; a
 * party member's organisation, join date and membership; medical staff's institution and
 * department; a first secretary's dispatching unit and village. The facts a role's kind
 * needs are required ({@link RoleFacts}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@RoleFacts
public record PersonRoleView(RoleKind role, CadreRank rank, @Size(max = 100) String position, @Min(1) Long unitId,
		@Min(1) Long partyOrganisationId, @PlausibleDate(from = "1921-07-01") LocalDate joinedOn, Membership membership,
		@Size(max = 200) String institution, @Size(max = 100) String department, @Min(1) Long dispatchingUnitId,
		@Size(max = 20) String villageCode) {

	public static PersonRoleView volunteer() {
		return new PersonRoleView(RoleKind.VOLUNTEER, null, null, null, null, null, null, null, null, null, null);
	}

}

package cn.huoxian.people;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One role a person holds with the facts it needs: a cadre's rank, position and unit; a
 * party member's organisation, join date and membership; medical staff's institution and
 * department; a first secretary's dispatching unit and village.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PersonRoleView(RoleKind role, CadreRank rank, String position, Long unitId, Long partyOrganisationId,
		LocalDate joinedOn, Membership membership, String institution, String department, Long dispatchingUnitId,
		String villageCode) {

	public static PersonRoleView volunteer() {
		return new PersonRoleView(RoleKind.VOLUNTEER, null, null, null, null, null, null, null, null, null, null);
	}

}

package cn.huoxian.people;

import java.util.ArrayList;
import java.util.List;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link RoleFacts}: the facts a role's kind needs, field by field. */
public class RoleFactsValidator implements ConstraintValidator<RoleFacts, PersonRoleView> {

	@Override
	public boolean isValid(PersonRoleView role, ConstraintValidatorContext context) {
		if (role == null || role.role() == null) {
			return true;
		}
		List<String> missing = missing(role);
		if (missing.isEmpty()) {
			return true;
		}
		context.disableDefaultConstraintViolation();
		for (String field : missing) {
			context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
				.addPropertyNode(field)
				.addConstraintViolation();
		}
		return false;
	}

	/** The fields this role's kind needs and lacks. */
	static List<String> missing(PersonRoleView role) {
		List<String> missing = new ArrayList<>();
		switch (role.role()) {
			case CADRE -> {
				if (role.rank() == null) {
					missing.add("rank");
				}
			}
			case PARTY_MEMBER -> {
				if (role.partyOrganisationId() == null) {
					missing.add("partyOrganisationId");
				}
				if (role.joinedOn() == null) {
					missing.add("joinedOn");
				}
				if (role.membership() == null) {
					missing.add("membership");
				}
			}
			case MEDICAL_STAFF -> {
				if (role.institution() == null || role.institution().isBlank()) {
					missing.add("institution");
				}
			}
			case FIRST_SECRETARY -> {
				if (role.dispatchingUnitId() == null) {
					missing.add("dispatchingUnitId");
				}
			}
			case VOLUNTEER -> {
			}
		}
		return missing;
	}

}

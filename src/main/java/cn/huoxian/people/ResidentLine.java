package cn.huoxian.people;

import java.time.LocalDate;
import java.util.List;

/**
 * A resident as a ledger lists it: the household, the person with ID number and phone
 * masked, and the roles held (by name).
 */
public record ResidentLine(long householdId, String name, String maskedIdNumber, String sex, LocalDate birthDate,
		String maskedPhone, List<RoleKind> roles) {
}

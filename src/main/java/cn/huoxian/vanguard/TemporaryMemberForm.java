package cn.huoxian.vanguard;

import java.time.LocalDate;

import cn.huoxian.shared.PlausibleDate;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.PastOrPresent;

/**
 * Adding a member to a temporary party organisation: a party member, optionally its
 * secretary (replacing the current one only with {@code replaceSecretary}), the unit they
 * come from (default: their cadre unit) and the day they joined (default today).
 */
public record TemporaryMemberForm(@Min(1) Long personId, Boolean secretary, Boolean replaceSecretary,
		@Min(1) Long fromUnitId, @PlausibleDate @PastOrPresent(message = "{problem.field.future}") LocalDate joinedOn) {
}

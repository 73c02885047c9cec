package cn.huoxian.shared;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Who may write where: region staff in their scope, unit staff for their unit, a person
 * for themselves.
 */
class CurrentUserTests {

	private static final RegionPath XINHUA = RegionPath.root("130900").child("130902");

	private static final RegionPath INSIDE = XINHUA.child("130902001000");

	private static final RegionPath OUTSIDE = RegionPath.root("130900").child("130903");

	private static CurrentUser user(Role role, DataScope scope) {
		return new CurrentUser("u", null, role, scope);
	}

	private final CurrentUser regionStaff = user(Role.REGION_STAFF, DataScope.ofRegions(XINHUA));

	@Test
	void regionStaffWriteInsideTheirScopeOnly() {
		assertThatCode(() -> regionStaff.requireMayWriteIn(INSIDE, "突击队 1")).doesNotThrowAnyException();
		assertThatThrownBy(() -> regionStaff.requireMayWriteIn(OUTSIDE, "突击队 1")).isInstanceOf(ForbiddenException.class)
			.hasMessageContaining("突击队 1");
	}

	@Test
	void aRoleThatDoesNotEditPeopleMayNotWriteEvenInScope() {
		CurrentUser evaluator = user(Role.EVALUATOR, DataScope.ofRegions(XINHUA));
		assertThatThrownBy(() -> evaluator.requireMayWriteIn(INSIDE, "x")).isInstanceOf(ForbiddenException.class);
	}

	@Test
	void unitStaffWriteForTheirOwnUnitAnywhere() {
		CurrentUser unitStaff = user(Role.UNIT_STAFF, new DataScope(List.of(), List.of(7L), List.of(), null));
		assertThatCode(() -> unitStaff.requireMayWriteInOrForUnit(OUTSIDE, 7L, "x")).doesNotThrowAnyException();
		assertThatThrownBy(() -> unitStaff.requireMayWriteInOrForUnit(OUTSIDE, 8L, "x"))
			.isInstanceOf(ForbiddenException.class);
		assertThatCode(() -> regionStaff.requireMayWriteInOrForUnit(INSIDE, 8L, "x")).doesNotThrowAnyException();
	}

	@Test
	void aPersonActsForThemselvesButAnEvaluatorStillOnlyReads() {
		DataScope self = new DataScope(List.of(), List.of(), List.of(), 42L);
		CurrentUser member = user(Role.GRID_WORKER, self);
		assertThatCode(() -> member.requireMayWriteInOrAsSelf(OUTSIDE, 42L, "x")).doesNotThrowAnyException();
		assertThatThrownBy(() -> member.requireMayWriteInOrAsSelf(OUTSIDE, 43L, "x"))
			.isInstanceOf(ForbiddenException.class);
		CurrentUser evaluator = user(Role.EVALUATOR, self);
		assertThatThrownBy(() -> evaluator.requireMayWriteInOrAsSelf(OUTSIDE, 42L, "x"))
			.isInstanceOf(ForbiddenException.class);
	}

}

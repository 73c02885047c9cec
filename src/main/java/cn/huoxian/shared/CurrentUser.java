package cn.huoxian.shared;

import cn.huoxian.shared.Role.Capability;

/**
 * The signed-in user as the other modules see it: who, in which role, over what scope. It
 * answers what the modules ask (may this user read records, assess, write for this unit
 * …) from the capabilities of the {@link Role} and the data scope; nobody compares role
 * names.
 */
public record CurrentUser(String username, Long personId, Role role, DataScope scope) {

	public boolean isAdministrator() {
		return role.may(Capability.ADMINISTER);
	}

	/** May see unmasked ID numbers and phones (each reveal is audited). */
	public boolean mayReveal() {
		return role.mayReveal();
	}

	/** May change regions, units and party organisations (in scope). */
	public boolean mayEditNetwork() {
		return role.mayEditNetwork();
	}

	/** May register or change households and persons (in scope). */
	public boolean mayEditPeople() {
		return role.mayEditPeople();
	}

	/**
	 * The role reads records in its region scope (and supervises work logs there); anyone
	 * reads their own.
	 */
	public boolean mayReadRecords() {
		return role.may(Capability.READ_RECORDS);
	}

	/** The role enters accountability into records in its scope. */
	public boolean mayEnterAccountability() {
		return role.may(Capability.ENTER_ACCOUNTABILITY);
	}

	/** The role reviews work logs in its scope. */
	public boolean mayReviewWorkLogs() {
		return role.may(Capability.REVIEW_WORK_LOGS);
	}

	/**
	 * The role submits daily situation reports in its scope and reopens those of the
	 * regions below its own.
	 */
	public boolean mayReportDaily() {
		return role.may(Capability.REPORT_DAILY);
	}

	/** The role runs and reads assessment rounds. */
	public boolean mayAssess() {
		return role.may(Capability.ASSESS);
	}

	/** The role writes its own work log (an evaluator only reads). */
	public boolean mayWriteLogs() {
		return role.may(Capability.ACT_AS_SELF);
	}

	/** A grid worker (网格员): the home page and menu lead to 我的网格 first. */
	public boolean isGridWorker() {
		return role == Role.GRID_WORKER;
	}

	/**
	 * Watches the work of regions or units (their overdue rectifications, shortages,
	 * requests): everyone but a grid worker and a party member's self-service.
	 */
	public boolean overseesRegions() {
		return !isGridWorker() && !isSelfService();
	}

	/** Unit staff, who write for the units in their scope. */
	public boolean isUnitStaff() {
		return role.may(Capability.WRITE_FOR_UNIT);
	}

	/** Unit staff whose scope covers this unit. */
	public boolean isUnitStaffFor(Long unitId) {
		return unitId != null && isUnitStaff() && scope.coversUnit(unitId);
	}

	/** A self-service account, which submits for its own person only. */
	public boolean isSelfService() {
		return role.may(Capability.SELF_SERVICE);
	}

	/** The account is linked to this person and its role may write for them. */
	public boolean actsAs(long personId) {
		return role.may(Capability.ACT_AS_SELF) && scope.selfPersonId() != null && scope.selfPersonId() == personId;
	}

	/**
	 * Throws 403 unless the user is the city administrator; {@code actionKey} names what
	 * they tried (a message key worded to follow "only the city administrator may").
	 */
	public void requireAdministrator(String actionKey) {
		if (!isAdministrator()) {
			throw new ForbiddenException(Messages.text("problem.forbidden.administrator", Messages.text(actionKey)));
		}
	}

	/**
	 * Throws 403 unless the user may change the network (regions, units, party
	 * organisations).
	 */
	public void requireNetworkEditor() {
		if (!mayEditNetwork()) {
			throw new ForbiddenException(Messages.text("problem.forbidden.network", role.label()));
		}
	}

	/** Throws 403 unless the user may register or change households and persons. */
	public void requirePeopleEditor() {
		if (!mayEditPeople()) {
			throw new ForbiddenException(Messages.text("problem.forbidden.people", role.label()));
		}
	}

	/**
	 * Throws 403 unless the user maintains regions and may write at this path;
	 * {@code what} is a noun phrase already in the caller's language (e.g. "突击队 12").
	 */
	public void requireMayWriteIn(RegionPath path, String what) {
		requirePeopleEditor();
		if (!scope.coversRegion(path)) {
			throw new ForbiddenException(Messages.text("frontline.outside-scope", what));
		}
	}

	/**
	 * Throws 403 unless the user writes at this path or is unit staff writing for this
	 * unit (a pairing's ledger and shortages, a first secretary's support requests).
	 */
	public void requireMayWriteInOrForUnit(RegionPath path, Long unitId, String what) {
		if (isUnitStaffFor(unitId)) {
			return;
		}
		requireMayWriteIn(path, what);
	}

	/**
	 * Throws 403 unless the user writes at this path or is this person acting for
	 * themselves.
	 */
	public void requireMayWriteInOrAsSelf(RegionPath path, long personId, String what) {
		// every account linked to a person carries it as "self"; evaluators still only
		// read
		if (actsAs(personId)) {
			return;
		}
		requireMayWriteIn(path, what);
	}

}

package cn.huoxian.shared;

/**
 * The signed-in user as the other modules see it: who, in which role, over what scope,
 * and whether the role may see unmasked ID numbers and phones (each reveal is audited).
 */
public record CurrentUser(String username, Long personId, String role, DataScope scope, boolean mayReveal,
		boolean mayEditNetwork, boolean mayEditPeople) {

	public boolean isAdministrator() {
		return "CITY_ADMIN".equals(role);
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
		if (!mayEditNetwork) {
			throw new ForbiddenException(Messages.text("problem.forbidden.network", Messages.text("role." + role)));
		}
	}

	/** Throws 403 unless the user may register or change households and persons. */
	public void requirePeopleEditor() {
		if (!mayEditPeople) {
			throw new ForbiddenException(Messages.text("problem.forbidden.people", Messages.text("role." + role)));
		}
	}

	/**
	 * Throws 403 unless the user maintains regions and may write at this path;
	 * {@code what} is a noun phrase already in the caller's language (e.g. "突击队 12").
	 */
	public void requireMayWriteIn(String path, String what) {
		requirePeopleEditor();
		if (!scope.coversRegion(path)) {
			throw new ForbiddenException(Messages.text("frontline.outside-scope", what));
		}
	}

	/**
	 * Throws 403 unless the user writes at this path or is unit staff writing for this
	 * unit (a pairing's ledger and shortages, a first secretary's support requests).
	 */
	public void requireMayWriteInOrForUnit(String path, Long unitId, String what) {
		if (unitId != null && "UNIT_STAFF".equals(role) && scope.coversUnit(unitId)) {
			return;
		}
		requireMayWriteIn(path, what);
	}

	/**
	 * Throws 403 unless the user writes at this path or is this person acting for
	 * themselves.
	 */
	public void requireMayWriteInOrAsSelf(String path, long personId, String what) {
		// every account linked to a person carries it as "self"; evaluators still only
		// read
		if (!"EVALUATOR".equals(role) && scope.selfPersonId() != null && scope.selfPersonId() == personId) {
			return;
		}
		requireMayWriteIn(path, what);
	}

}

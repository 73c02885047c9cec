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

}

package cn.huoxian.deployment;

import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.ForbiddenException;
import cn.huoxian.shared.Messages;

/**
 * Who may change the deployment network. Region staff, grid workers and the city
 * administrator write within their region scope; unit staff write what belongs to their
 * unit (a pairing's ledger and shortages, their first secretaries' support requests); a
 * party member may act only for themselves; evaluators only read. Reads use the scope
 * conditions (404 outside scope), writes answer 403.
 */
final class Writers {

	private Writers() {
	}

	/**
	 * 403 unless the user maintains regions and may write at this path; {@code what} is a
	 * noun phrase already in the caller's language (e.g. "突击队 12").
	 */
	static void requireRegion(CurrentUser user, String path, String what) {
		user.requirePeopleEditor();
		if (!user.scope().coversRegion(path)) {
			throw new ForbiddenException(Messages.text("frontline.outside-scope", what));
		}
	}

	/** 403 unless the user writes at this path or for this unit. */
	static void requireRegionOrUnit(CurrentUser user, String path, Long unitId, String what) {
		if (unitId != null && "UNIT_STAFF".equals(user.role()) && user.scope().coversUnit(unitId)) {
			return;
		}
		requireRegion(user, path, what);
	}

	/**
	 * 403 unless the user writes at this path or is this person acting for themselves.
	 */
	static void requireRegionOrSelf(CurrentUser user, String path, long personId, String what) {
		// every account linked to a person carries it as "self"; evaluators still only
		// read
		if (!"EVALUATOR".equals(user.role()) && user.scope().selfPersonId() != null
				&& user.scope().selfPersonId() == personId) {
			return;
		}
		requireRegion(user, path, what);
	}

}

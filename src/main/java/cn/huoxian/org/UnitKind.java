package cn.huoxian.org;

/**
 * Kinds of unit: organs, state-owned enterprises and the two kinds of "two-new"
 * organisation.
 */
public enum UnitKind {

	GOVERNMENT_ORGAN, STATE_OWNED_ENTERPRISE, NON_PUBLIC_ENTERPRISE, SOCIAL_ORGANISATION;

	public boolean isTwoNew() {
		return this == NON_PUBLIC_ENTERPRISE || this == SOCIAL_ORGANISATION;
	}

}

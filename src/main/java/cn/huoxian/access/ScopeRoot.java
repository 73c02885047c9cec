package cn.huoxian.access;

/** One root an account is bound to: a region, a party organisation or a unit, by code. */
public record ScopeRoot(Kind kind, String code) {

	/** What the code names. */
	public enum Kind {

		REGION, ORGANISATION, UNIT

	}

	public static ScopeRoot region(String code) {
		return new ScopeRoot(Kind.REGION, code);
	}

}

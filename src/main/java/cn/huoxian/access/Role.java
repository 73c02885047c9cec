package cn.huoxian.access;

/** The roles an account can have, with what each may do beyond reading its scope. */
public enum Role {

	/** 市级管理员: everything in the city, audit log, unmasked data. */
	CITY_ADMIN(true, true, true),
	/** 组织部考察人员: reads cadres and records in scope. */
	EVALUATOR(false, false, false),
	/** 区域工作人员: maintains the network and people of their regions. */
	REGION_STAFF(true, true, true),
	/** 网格员: registers households and residents door to door in their grid. */
	GRID_WORKER(true, false, true),
	/** 单位工作人员: reads the people of their unit. */
	UNIT_STAFF(false, false, false),
	/** 党员自助: sees only their own record. */
	PARTY_MEMBER(false, false, false);

	private final boolean mayReveal;

	private final boolean mayEditNetwork;

	private final boolean mayEditPeople;

	Role(boolean mayReveal, boolean mayEditNetwork, boolean mayEditPeople) {
		this.mayReveal = mayReveal;
		this.mayEditNetwork = mayEditNetwork;
		this.mayEditPeople = mayEditPeople;
	}

	public boolean mayReveal() {
		return mayReveal;
	}

	public boolean mayEditNetwork() {
		return mayEditNetwork;
	}

	public boolean mayEditPeople() {
		return mayEditPeople;
	}

}

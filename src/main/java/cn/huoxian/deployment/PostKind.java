package cn.huoxian.deployment;

/**
 * Where a cadre is deployed: a region as a whole, a named post in a region (checkpoint,
 * hospital, site) or a commando team.
 */
public enum PostKind {

	REGION, CHECKPOINT, HOSPITAL, SITE, TEAM;

	/** True for the kinds that name a post inside a region. */
	public boolean needsPost() {
		return this == CHECKPOINT || this == HOSPITAL || this == SITE;
	}

}

package cn.huoxian.org;

import cn.huoxian.shared.RegionPath;

/** A region as the API and pages show it, with its maintained counts. */
public record RegionView(long id, String code, String name, RegionLevel level, RegionPath path, String parentCode,
		Counts counts) {

	/** Households, residents, party members and cadres at and below a region. */
	public record Counts(long households, long residents, long partyMembers, long cadres) {
	}

}

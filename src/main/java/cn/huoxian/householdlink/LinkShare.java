package cn.huoxian.householdlink;

import java.util.List;

/**
 * The share of a region's households linked to a party member: the region's maintained
 * household counter, the links under its path, and the same for each child region.
 */
public record LinkShare(Row region, List<Row> children) {

	/**
	 * One region's figures; share is linked / households in 0..1, rounded to 4 places.
	 */
	public record Row(String code, String name, String level, long households, long linked, double share) {

		static Row of(String code, String name, String level, long households, long linked) {
			double share = households <= 0 ? 0
					: Math.round(Math.min(1.0, (double) linked / households) * 10_000) / 10_000.0;
			return new Row(code, name, level, households, linked, share);
		}

	}

}

package cn.huoxian.org;

/**
 * A household: where it is (grid, building, address, door) and how many residents are
 * registered.
 */
public record HouseholdView(long id, String regionCode, String path, Long buildingId, String buildingName,
		String address, String door, int residents) {
}

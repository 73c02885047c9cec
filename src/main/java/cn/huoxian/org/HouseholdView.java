package cn.huoxian.org;

import jakarta.annotation.Nullable;

/**
 * A household: where it is (grid, building, address, door) and how many residents are
 * registered.
 */
public record HouseholdView(long id, String regionCode, String path, @Nullable Long buildingId,
		@Nullable String buildingName, String address, @Nullable String door, int residents) {
}

package cn.huoxian.org;

import cn.huoxian.shared.RegionPath;
import jakarta.annotation.Nullable;

/**
 * A household: where it is (grid, building, address, door) and how many residents are
 * registered.
 */
public record HouseholdView(long id, String regionCode, RegionPath path, @Nullable Long buildingId,
		@Nullable String buildingName, String address, @Nullable String door, int residents) {
}

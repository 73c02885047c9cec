package cn.huoxian.org;

import cn.huoxian.shared.RegionPath;

/**
 * Households were registered in a grid (one from a form, many from an import); listeners
 * in the same transaction keep their own counters right.
 */
public record HouseholdsAdded(RegionPath gridPath, long count) {
}

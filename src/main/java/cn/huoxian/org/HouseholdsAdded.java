package cn.huoxian.org;

/**
 * Households were registered in a grid (one from a form, many from an import); listeners
 * in the same transaction keep their own counters right.
 */
public record HouseholdsAdded(String gridPath, long count) {
}

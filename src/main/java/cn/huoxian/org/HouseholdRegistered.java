package cn.huoxian.org;

/** A household was registered in a grid; listeners in the same transaction keep their counters right. */
public record HouseholdRegistered(long householdId, String path) {
}

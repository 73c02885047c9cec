package cn.huoxian.householdlink;

/** A party member of a community and how many households they have linked (of 10). */
public record LinkMember(long personId, String name, String regionCode, int linked) {
}

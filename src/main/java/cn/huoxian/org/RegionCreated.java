package cn.huoxian.org;

/** A region was added to the network (below an existing parent). */
public record RegionCreated(long regionId, String code, String path) {
}

package cn.huoxian.org;

import cn.huoxian.shared.RegionPath;

/** A region was added to the network (below an existing parent). */
public record RegionCreated(long regionId, String code, RegionPath path) {
}

package cn.huoxian.org;

import cn.huoxian.shared.RegionPath;
import jakarta.annotation.Nullable;

/** A unit, the region it sits in, and its party organisation. */
public record UnitView(long id, String code, String name, UnitKind kind, String regionCode, RegionPath path,
		@Nullable Long partyOrganisationId) {
}

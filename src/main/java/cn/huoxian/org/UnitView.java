package cn.huoxian.org;

import jakarta.annotation.Nullable;

/** A unit, the region it sits in, and its party organisation. */
public record UnitView(long id, String code, String name, UnitKind kind, String regionCode, String path,
		@Nullable Long partyOrganisationId) {
}

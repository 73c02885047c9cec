package cn.huoxian.deployment;

import java.time.OffsetDateTime;

/** A first secretary's request to their dispatching unit, OPEN until RESOLVED. */
public record SupportRequestView(long id, long personId, String personName, String villageCode, String villageName,
		long dispatchingUnitId, String dispatchingUnitName, String path, SupportKind kind, String description,
		String status, String resolution, String raisedBy, OffsetDateTime raisedAt, String resolvedBy,
		OffsetDateTime resolvedAt) {

	public boolean open() {
		return "OPEN".equals(status);
	}

}

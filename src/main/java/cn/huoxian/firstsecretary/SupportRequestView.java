package cn.huoxian.firstsecretary;

import java.time.OffsetDateTime;

import cn.huoxian.shared.RegionPath;
import jakarta.annotation.Nullable;

/** A first secretary's request to their dispatching unit, OPEN until RESOLVED. */
public record SupportRequestView(long id, long personId, String personName, String villageCode, String villageName,
		long dispatchingUnitId, @Nullable String dispatchingUnitName, RegionPath path, SupportKind kind,
		String description, String status, @Nullable String resolution, String raisedBy, OffsetDateTime raisedAt,
		@Nullable String resolvedBy, @Nullable OffsetDateTime resolvedAt) {

	public boolean open() {
		return "OPEN".equals(status);
	}

}

package cn.huoxian.liaison;

import java.time.OffsetDateTime;

import cn.huoxian.shared.RegionPath;
import jakarta.annotation.Nullable;

/** One shortage, the pairing it was raised through, and where it stands. */
public record ShortageView(long id, long pairingId, long unitId, @Nullable String unitCode, @Nullable String unitName,
		String communityCode, String communityName, RegionPath path, ShortageKind kind, String item, int quantity,
		@Nullable String note, String status, String raisedBy, OffsetDateTime raisedAt, @Nullable String answer,
		@Nullable String answeredBy, @Nullable OffsetDateTime answeredAt, @Nullable String resolvedBy,
		@Nullable OffsetDateTime resolvedAt) {

	public boolean open() {
		return !"RESOLVED".equals(status);
	}

}

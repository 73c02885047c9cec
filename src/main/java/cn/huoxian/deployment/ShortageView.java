package cn.huoxian.deployment;

import java.time.OffsetDateTime;

/** One shortage, the pairing it was raised through, and where it stands. */
public record ShortageView(long id, long pairingId, long unitId, String unitCode, String unitName, String communityCode,
		String communityName, String path, ShortageKind kind, String item, int quantity, String note, String status,
		String raisedBy, OffsetDateTime raisedAt, String answer, String answeredBy, OffsetDateTime answeredAt,
		String resolvedBy, OffsetDateTime resolvedAt) {

	public boolean open() {
		return !"RESOLVED".equals(status);
	}

}

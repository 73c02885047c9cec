package cn.huoxian.record;

import java.time.OffsetDateTime;
import java.util.List;

import cn.huoxian.shared.RegionPath;
import jakarta.annotation.Nullable;

/**
 * An assessment round; {@code cadres} is ranked (total descending, unscored last, ties by
 * name) when the round is read whole, empty in lists.
 */
public record RoundView(long id, String name, String regionCode, RegionPath path, @Nullable String criteria,
		List<String> dimensions, String status, String createdBy, OffsetDateTime createdAt, @Nullable String closedBy,
		@Nullable OffsetDateTime closedAt, int cadreCount, List<RoundCadreView> cadres) {

	public boolean open() {
		return "OPEN".equals(status);
	}

}

package cn.huoxian.inspection;

import java.time.LocalDate;

import cn.huoxian.shared.RegionPath;
import jakarta.annotation.Nullable;

/**
 * A rectification with its inspection's target; {@code overdue} when still open after its
 * deadline.
 */
public record RectificationView(long id, long inspectionId, Look look, RegionPath path, String targetName, String item,
		long ownerId, String ownerName, LocalDate deadline, String status, @Nullable String evidence,
		@Nullable LocalDate closedOn, @Nullable String closedBy, boolean overdue) {

	public boolean open() {
		return "OPEN".equals(status);
	}

}

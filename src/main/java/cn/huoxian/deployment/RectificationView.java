package cn.huoxian.deployment;

import java.time.LocalDate;

/**
 * A rectification with its inspection's target; {@code overdue} when still open after its
 * deadline.
 */
public record RectificationView(long id, long inspectionId, Look look, String path, String targetName, String item,
		long ownerId, String ownerName, LocalDate deadline, String status, String evidence, LocalDate closedOn,
		String closedBy, boolean overdue) {

	public boolean open() {
		return "OPEN".equals(status);
	}

}

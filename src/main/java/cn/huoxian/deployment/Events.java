package cn.huoxian.deployment;

import java.time.LocalDate;

import cn.huoxian.shared.RegionPath;

/**
 * The events cadres' positions cause, for the performance record (issue 6) and other
 * listeners. Each names the person whose record it belongs to.
 */
public final class Events {

	private Events() {
	}

	/** A cadre took up a position (region, post or team). */
	public record DeploymentStarted(long deploymentId, long personId, RegionPath path, boolean leading,
			LocalDate startDate) {
	}

	/** A cadre's position ended (by hand, or because they were deployed elsewhere). */
	public record DeploymentEnded(long deploymentId, long personId, LocalDate endDate, String reason) {
	}

}

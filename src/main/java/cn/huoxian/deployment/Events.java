package cn.huoxian.deployment;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * The events the deployment network publishes for the performance record (issue 6) and
 * other listeners. Each names the person whose record it belongs to.
 */
public final class Events {

	private Events() {
	}

	/** A cadre took up a position (region, post or team). */
	public record DeploymentStarted(long deploymentId, long personId, String path, boolean leading,
			LocalDate startDate) {
	}

	/** A cadre's position ended (by hand, or because they were deployed elsewhere). */
	public record DeploymentEnded(long deploymentId, long personId, LocalDate endDate, String reason) {
	}

	/** An inspection with its four looks was recorded. */
	public record InspectionCompleted(long inspectionId, long inspectorId, String path, LocalDate inspectedOn,
			int rectifications) {
	}

	/** A rectification was closed with evidence; on time when closed by its deadline. */
	public record RectificationClosed(long rectificationId, long inspectionId, long ownerId, LocalDate closedOn,
			LocalDate deadline) {

		public boolean onTime() {
			return !closedOn.isAfter(deadline);
		}

	}

	/** A first secretary returned to their village. */
	public record FirstSecretaryReturned(long personId, long villageId, long dispatchingUnitId, LocalDate returnedOn) {
	}

	/** A paired unit resolved a community's shortage. */
	public record ShortageResolved(long shortageId, long pairingId, long unitId, OffsetDateTime resolvedAt) {
	}

}

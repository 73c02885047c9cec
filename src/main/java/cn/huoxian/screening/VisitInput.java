package cn.huoxian.screening;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * One visit as a client sends it. {@code visitId} is chosen by the client so a retried
 * batch is not counted twice. A covered visit accounts for every registered resident;
 * people found who are not registered are listed in {@code unregistered} and become
 * residents of the household.
 */
public record VisitInput(UUID visitId, Long householdId, OffsetDateTime visitedAt, Outcome outcome,
		List<ResidentCheck> residents, List<NewResident> unregistered) {

	public List<ResidentCheck> residentsOrEmpty() {
		return residents == null ? List.of() : residents;
	}

	public List<NewResident> unregisteredOrEmpty() {
		return unregistered == null ? List.of() : unregistered;
	}

	/**
	 * What the visit found about one registered resident; {@code travelFrom} names one of
	 * the configured high-risk areas the resident came from (which flags them).
	 */
	public record ResidentCheck(Long personId, ResidentStatus status, String awayWhere, BigDecimal temperature,
			Set<Flag> flags, String travelFrom) {

		public ResidentCheck(Long personId, ResidentStatus status, String awayWhere, BigDecimal temperature,
				Set<Flag> flags) {
			this(personId, status, awayWhere, temperature, flags, null);
		}

	}

	/** A person found in the household who is not registered there yet. */
	public record NewResident(String name, String idNumber, String phone, BigDecimal temperature, Set<Flag> flags) {
	}

}

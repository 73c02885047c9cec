package cn.huoxian.screening;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import cn.huoxian.shared.Forms;
import cn.huoxian.shared.PlausibleDate;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/**
 * One visit as a client sends it. {@code visitId} is chosen by the client so a retried
 * batch is not counted twice. A covered visit accounts for every registered resident;
 * people found who are not registered are listed in {@code unregistered} and become
 * residents of the household.
 */
public record VisitInput(UUID visitId, @Min(1) Long householdId, @PlausibleDate OffsetDateTime visitedAt,
		Outcome outcome, @Valid @Size(max = 200) List<@Valid ResidentCheck> residents,
		@Valid @Size(max = 50) List<@Valid NewResident> unregistered) {

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
	public record ResidentCheck(@Min(1) Long personId, ResidentStatus status, @Size(max = 100) String awayWhere,
			@DecimalMin(value = "34.0", message = Forms.BODY_TEMPERATURE) @DecimalMax(value = "43.0",
					message = Forms.BODY_TEMPERATURE) BigDecimal temperature,
			Set<Flag> flags, @Size(max = 100) String travelFrom) {

		public ResidentCheck(Long personId, ResidentStatus status, String awayWhere, BigDecimal temperature,
				Set<Flag> flags) {
			this(personId, status, awayWhere, temperature, flags, null);
		}

	}

	/** A person found in the household who is not registered there yet. */
	public record NewResident(@Size(max = 50) String name, @Size(max = 18) String idNumber,
			@Size(max = 20) String phone,
			@DecimalMin(value = "34.0", message = Forms.BODY_TEMPERATURE) @DecimalMax(value = "43.0",
					message = Forms.BODY_TEMPERATURE) BigDecimal temperature,
			Set<Flag> flags) {
	}

}

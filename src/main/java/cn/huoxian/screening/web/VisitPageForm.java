package cn.huoxian.screening.web;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import cn.huoxian.screening.Flag;
import cn.huoxian.screening.Outcome;
import cn.huoxian.screening.ResidentStatus;
import cn.huoxian.shared.Forms;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Size;

/**
 * The grid worker's visit form: one row per registered resident (by person id) and one
 * person found who is not registered, under the limits of
 * {@link cn.huoxian.screening.VisitInput}; bound one by one so that what was typed stays
 * in the form.
 */
public class VisitPageForm {

	private UUID visitId;

	private Outcome outcome;

	@Valid
	private final Map<Long, ResidentRow> residents = new LinkedHashMap<>();

	@Valid
	private final Newcomer newcomer = new Newcomer();

	/** A new form for these residents, each present; a fresh visit id. */
	static VisitPageForm fresh(Iterable<Long> residentIds) {
		VisitPageForm form = new VisitPageForm();
		form.visitId = UUID.randomUUID();
		residentIds.forEach(id -> form.row(id));
		return form;
	}

	/** The row of a resident, empty when the form did not have one. */
	ResidentRow row(long personId) {
		return residents.computeIfAbsent(personId, id -> new ResidentRow());
	}

	public UUID getVisitId() {
		return visitId;
	}

	public void setVisitId(UUID visitId) {
		this.visitId = visitId;
	}

	public Outcome getOutcome() {
		return outcome;
	}

	public void setOutcome(Outcome outcome) {
		this.outcome = outcome;
	}

	public Map<Long, ResidentRow> getResidents() {
		return residents;
	}

	public Newcomer getNewcomer() {
		return newcomer;
	}

	/** What the visit found about one registered resident. */
	public static class ResidentRow {

		private ResidentStatus status = ResidentStatus.PRESENT;

		@Size(max = 100, message = "{screening.field.too-long}")
		private String awayWhere = "";

		@DecimalMin(value = "34.0", message = Forms.BODY_TEMPERATURE)
		@DecimalMax(value = "43.0", message = Forms.BODY_TEMPERATURE)
		private BigDecimal temperature;

		private Set<Flag> flags = EnumSet.noneOf(Flag.class);

		@Size(max = 100, message = "{screening.field.too-long}")
		private String travelFrom = "";

		public ResidentStatus getStatus() {
			return status;
		}

		public void setStatus(ResidentStatus status) {
			this.status = status;
		}

		public String getAwayWhere() {
			return awayWhere;
		}

		public void setAwayWhere(String awayWhere) {
			this.awayWhere = awayWhere;
		}

		public BigDecimal getTemperature() {
			return temperature;
		}

		public void setTemperature(BigDecimal temperature) {
			this.temperature = temperature;
		}

		public Set<Flag> getFlags() {
			return flags;
		}

		public void setFlags(Set<Flag> flags) {
			this.flags = flags == null ? EnumSet.noneOf(Flag.class) : flags;
		}

		public String getTravelFrom() {
			return travelFrom;
		}

		public void setTravelFrom(String travelFrom) {
			this.travelFrom = travelFrom;
		}

	}

	/** A person found in the household who is not registered there yet. */
	public static class Newcomer {

		@Size(max = 50, message = "{screening.field.too-long}")
		private String name = "";

		@Size(max = 18, message = "{screening.field.too-long}")
		private String idNumber = "";

		@Size(max = 20, message = "{screening.field.too-long}")
		private String phone = "";

		@DecimalMin(value = "34.0", message = Forms.BODY_TEMPERATURE)
		@DecimalMax(value = "43.0", message = Forms.BODY_TEMPERATURE)
		private BigDecimal temperature;

		public String getName() {
			return name;
		}

		public void setName(String name) {
			this.name = name;
		}

		public String getIdNumber() {
			return idNumber;
		}

		public void setIdNumber(String idNumber) {
			this.idNumber = idNumber;
		}

		public String getPhone() {
			return phone;
		}

		public void setPhone(String phone) {
			this.phone = phone;
		}

		public BigDecimal getTemperature() {
			return temperature;
		}

		public void setTemperature(BigDecimal temperature) {
			this.temperature = temperature;
		}

	}

}

package cn.huoxian.isolation;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import cn.huoxian.shared.Forms;
import cn.huoxian.shared.PlausibleDate;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/**
 * One daily contact; a late entry keeps its real time and counts for that business day.
 * With {@code partyOrganisationId} it is the person's own party organisation keeping
 * contact.
 */
public record ContactForm(@PlausibleDate OffsetDateTime contactedAt, Channel channel, Boolean reached,
		@DecimalMin(value = "34.0", message = Forms.BODY_TEMPERATURE) @DecimalMax(value = "43.0",
				message = Forms.BODY_TEMPERATURE) BigDecimal temperature,
		Boolean symptoms, @Size(max = 100) String mood, @Size(max = 500) String note,
		@Min(1) Long partyOrganisationId) {

	public ContactForm(OffsetDateTime contactedAt, Channel channel, Boolean reached, BigDecimal temperature,
			Boolean symptoms, String mood, String note) {
		this(contactedAt, channel, reached, temperature, symptoms, mood, note, null);
	}

}

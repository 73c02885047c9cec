package cn.huoxian.isolation;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * One daily contact; a late entry keeps its real time and counts for that business day.
 * With {@code partyOrganisationId} it is the person's own party organisation keeping
 * contact.
 */
public record ContactForm(OffsetDateTime contactedAt, Channel channel, Boolean reached, BigDecimal temperature,
		Boolean symptoms, String mood, String note, Long partyOrganisationId) {

	public ContactForm(OffsetDateTime contactedAt, Channel channel, Boolean reached, BigDecimal temperature,
			Boolean symptoms, String mood, String note) {
		this(contactedAt, channel, reached, temperature, symptoms, mood, note, null);
	}

}

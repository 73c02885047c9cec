package cn.huoxian.isolation;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * One daily contact; a late entry keeps its real time and counts for that business day.
 */
public record ContactForm(OffsetDateTime contactedAt, Channel channel, Boolean reached, BigDecimal temperature,
		Boolean symptoms, String mood, String note) {
}

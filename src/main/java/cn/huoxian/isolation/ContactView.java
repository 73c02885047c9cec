package cn.huoxian.isolation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** One recorded contact as the case page lists it. */
public record ContactView(long id, long caseId, LocalDate businessDay, OffsetDateTime contactedAt, Channel channel,
		boolean reached, BigDecimal temperature, boolean symptoms, String mood, String note, String recordedBy) {
}

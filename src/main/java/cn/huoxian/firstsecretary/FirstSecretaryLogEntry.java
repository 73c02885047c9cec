package cn.huoxian.firstsecretary;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** One entry of a first secretary's work log. */
public record FirstSecretaryLogEntry(long id, long personId, LocalDate day, String entry, String recordedBy,
		OffsetDateTime recordedAt) {
}

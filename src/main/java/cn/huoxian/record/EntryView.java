package cn.huoxian.record;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** One entry of a record as read: what, when, and the source record it links to. */
public record EntryView(long id, EntryKind kind, OffsetDateTime occurredAt, LocalDate businessDay, String summary,
		String sourceType, String sourceId, String path) {
}

package cn.huoxian.record;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import cn.huoxian.shared.RegionPath;

/** One entry of a record as read: what, when, and the source record it links to. */
public record EntryView(long id, EntryKind kind, OffsetDateTime occurredAt, LocalDate businessDay, String summary,
		String sourceType, String sourceId, RegionPath path) {
}

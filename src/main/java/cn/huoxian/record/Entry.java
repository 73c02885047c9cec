package cn.huoxian.record;

import java.time.OffsetDateTime;

import cn.huoxian.shared.RegionPath;

/**
 * One entry of a person's record: what, when, what it says (a message key and arguments,
 * rendered in the reader's language), and the source record it comes from
 * ({@code sourceType}, {@code sourceId}; a screening visit's id is its visit id). A
 * source record gives the same entries however often it is seen.
 */
public record Entry(long personId, EntryKind kind, OffsetDateTime occurredAt, EntryText text, String sourceType,
		String sourceId, RegionPath path) {

}

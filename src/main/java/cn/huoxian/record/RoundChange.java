package cn.huoxian.record;

import java.time.OffsetDateTime;

import jakarta.annotation.Nullable;

/** One line of a round's history: who changed what and when. */
public record RoundChange(long id, @Nullable Long personId, @Nullable String personName, String changedBy,
		OffsetDateTime changedAt, @Nullable String detail) {

}

package cn.huoxian.record;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import cn.huoxian.shared.RegionPath;
import jakarta.annotation.Nullable;

/** An accountability as shown on a profile. */
public record AccountabilityView(long id, long personId, AccountabilityKind kind, LocalDate occurredOn,
		AccountabilityLevel decidedLevel, @Nullable String detail, RegionPath path, String enteredBy,
		OffsetDateTime createdAt) {
}

package cn.huoxian.volunteer;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import cn.huoxian.shared.RegionPath;
import jakarta.annotation.Nullable;

/**
 * A community confirmed a member's attendance and hours on a need (or corrected them).
 * Published after the claim is stored; the performance record reads the claim.
 */
public record ServiceHoursConfirmed(long claimId, long needId, long personId, @Nullable Long unitId,
		RegionPath community, ServiceKind kind, int minutes, LocalDate day, OffsetDateTime confirmedAt) {
}

package cn.huoxian.record;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import cn.huoxian.shared.RegionPath;
import jakarta.annotation.Nullable;

/** A work log with its witnesses' answers and the supervisor's review. */
public record WorkLogView(long id, long personId, String personName, RegionPath path, LocalDate day, String text,
		String status, List<Witness> witnesses, @Nullable String reviewComment, @Nullable String reviewedBy,
		@Nullable Long reviewerId, @Nullable OffsetDateTime reviewedAt, OffsetDateTime createdAt) {

	/** One named witness: PENDING, CONFIRMED or DISPUTED, with an optional note. */
	public record Witness(long personId, String name, String status, @Nullable String note,
			@Nullable OffsetDateTime answeredAt) {
	}

	public boolean reviewed() {
		return "REVIEWED".equals(status);
	}

	/** The witness entry for a person, or null. */
	public Witness witness(Long personId) {
		return personId == null ? null
				: witnesses.stream().filter(w -> w.personId() == personId).findFirst().orElse(null);
	}

}

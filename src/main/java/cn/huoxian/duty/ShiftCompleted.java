package cn.huoxian.duty;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import cn.huoxian.shared.RegionPath;

/**
 * A shift's duty log was closed (off-duty time written): the people on it served.
 * Published after the log is stored; the performance record and the daily report read the
 * shift.
 */
public record ShiftCompleted(long shiftId, long checkpointId, RegionPath path, LocalDate day, List<Long> staff,
		OffsetDateTime completedAt) {
}

package cn.huoxian.vanguard;

import java.time.LocalDate;

import cn.huoxian.shared.RegionPath;
import jakarta.annotation.Nullable;

/** A responsibility zone; ended once {@code endedOn} is set. */
public record ZoneView(long id, long personId, String personName, String regionCode, String regionName, RegionPath path,
		String area, LocalDate since, @Nullable LocalDate endedOn, String createdBy) {
}

package cn.huoxian.vanguard;

import java.time.LocalDate;

import cn.huoxian.shared.RegionPath;
import jakarta.annotation.Nullable;

/** A claimed key post; released once {@code releasedOn} is set. */
public record ClaimedPostView(long id, long personId, String personName, String post, String regionCode,
		String regionName, RegionPath path, LocalDate claimedOn, @Nullable LocalDate releasedOn, String createdBy) {
}

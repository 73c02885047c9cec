package cn.huoxian.firstsecretary;

import java.time.LocalDate;

import cn.huoxian.shared.RegionPath;
import jakarta.annotation.Nullable;

/**
 * A first secretary (驻村第一书记): their village, their dispatching unit, when they returned
 * to post (and left), whether they are at post now, and their last log day.
 */
public record FirstSecretaryView(long personId, String name, long villageId, String villageCode, String villageName,
		RegionPath path, long dispatchingUnitId, @Nullable String dispatchingUnitName, @Nullable LocalDate returnedOn,
		@Nullable LocalDate leftOn, boolean atPost, @Nullable LocalDate lastLogDay) {
}

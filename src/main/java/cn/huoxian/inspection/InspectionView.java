package cn.huoxian.inspection;

import java.time.LocalDate;
import java.util.List;

import cn.huoxian.org.RegionLevel;
import cn.huoxian.shared.RegionPath;
import jakarta.annotation.Nullable;

/**
 * An inspection with its target (a region, or a unit and its region), the four looks and
 * its rectifications.
 */
public record InspectionView(long id, long inspectorId, String inspectorName, RegionLevel inspectorLevel,
		@Nullable String targetRegion, @Nullable String targetUnit, String targetName, RegionPath path,
		@Nullable Long liaisonGroupId, LocalDate date, @Nullable String summary, String recordedBy,
		List<LookView> looks, List<RectificationView> rectifications) {

	/** One rated look. */
	public record LookView(Look look, int rating, @Nullable String findings) {
	}

	/** The rating of one look, or null. */
	public Integer rating(Look look) {
		return looks.stream().filter(l -> l.look() == look).map(LookView::rating).findFirst().orElse(null);
	}

}

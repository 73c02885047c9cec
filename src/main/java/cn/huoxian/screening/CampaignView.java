package cn.huoxian.screening;

import java.time.LocalDate;
import java.util.Set;

import cn.huoxian.shared.RegionPath;
import jakarta.annotation.Nullable;

/**
 * A campaign: its root region, target, period, questions and whether it is open today.
 */
public record CampaignView(long id, String name, String rootRegion, String rootName, RegionPath rootPath,
		CampaignTarget target, @Nullable LocalDate targetSince, LocalDate startsOn, @Nullable LocalDate endsOn,
		Set<Question> questions, boolean open) {

	/**
	 * True when the campaign covers a fixed list of households rather than all under its
	 * root.
	 */
	public boolean hasTargetList() {
		return target == CampaignTarget.RETURNEES_SINCE;
	}

}

package cn.huoxian.screening;

import java.time.LocalDate;
import java.util.Set;

/** A campaign: its root region, period, questions and whether it is open today. */
public record CampaignView(long id, String name, String rootRegion, String rootName, String rootPath,
		String target, LocalDate startsOn, LocalDate endsOn, Set<Question> questions, boolean open) {
}

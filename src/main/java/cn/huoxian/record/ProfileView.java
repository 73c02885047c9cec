package cn.huoxian.record;

import java.util.List;
import java.util.Map;

import cn.huoxian.shared.PageResult;
import cn.huoxian.shared.RegionPath;
import jakarta.annotation.Nullable;

/**
 * A person's record: who, a page of entries (newest first), the figures (every entry
 * kind, 0 when none, and {@code daysAtPost}), accountability and the recent work logs.
 */
public record ProfileView(Person person, PageResult<EntryView> entries, Map<String, Long> figures,
		List<AccountabilityView> accountability, List<WorkLogView> workLogs) {

	/** Who: the cadre role's rank, position and unit when the person is a cadre. */
	public record Person(long id, String name, @Nullable String rank, @Nullable String position,
			@Nullable String unitName, RegionPath path) {
	}

}

package cn.huoxian.deployment;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

import cn.huoxian.shared.RegionPath;

/**
 * What deployment asks about commando teams, answered by the module that owns them
 * (vanguard, which depends on deployment, offers the bean): a team cadres are deployed
 * to, team names, and the memberships the headline tally counts.
 */
public interface TeamPosts {

	/** A team as a post: where it works and whether it is dissolved. */
	record Team(long id, String name, RegionPath path, long regionId, LocalDate dissolvedOn) {
	}

	/** A team by id (unscoped: the caller checks its path against the scope). */
	Optional<Team> team(long id);

	/** Team names by id, in one query (unscoped: for ids deployments already hold). */
	Map<Long, String> names(Collection<Long> ids);

	/** Memberships grouped by path, joining day and leaving day, with their count. */
	void memberships(Memberships sink);

	/** Receives grouped memberships. */
	interface Memberships {

		void accept(RegionPath path, LocalDate joinedOn, LocalDate leftOn, long count);

	}

}

package cn.huoxian.vanguard;

import java.time.LocalDate;

import cn.huoxian.shared.RegionPath;

/**
 * The events party members at the front cause, for the performance record (issue 6): each
 * names the person whose record it belongs to.
 */
public final class Events {

	private Events() {
	}

	/** A party member's battle request was accepted into a team or a post. */
	public record BattleRequestAccepted(long requestId, long personId, Long teamId, String post, LocalDate decidedOn) {
	}

	/** A party member joined a commando team. */
	public record TeamJoined(long teamId, long personId, RegionPath path, LocalDate joinedOn) {
	}

}

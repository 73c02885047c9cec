package cn.huoxian.deployment;

import java.time.LocalDate;

/**
 * A battle request with its decision: accepted into a team ({@code teamId}) or a post, or
 * declined with a note.
 */
public record BattleRequestView(long id, long personId, String personName, String regionCode, String path,
		LocalDate submittedOn, String text, BattleRequestStatus status, Long teamId, String teamName, String post,
		String decidedBy, LocalDate decidedOn, String decisionNote) {
}

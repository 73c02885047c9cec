package cn.huoxian.vanguard;

import java.time.LocalDate;

import cn.huoxian.shared.RegionPath;
import jakarta.annotation.Nullable;

/**
 * A battle request with its decision: accepted into a team ({@code teamId}) or a post, or
 * declined with a note.
 */
public record BattleRequestView(long id, long personId, String personName, String regionCode, RegionPath path,
		LocalDate submittedOn, String text, BattleRequestStatus status, @Nullable Long teamId,
		@Nullable String teamName, @Nullable String post, @Nullable String decidedBy, @Nullable LocalDate decidedOn,
		@Nullable String decisionNote) {
}

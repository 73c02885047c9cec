package cn.huoxian.record;

import java.time.OffsetDateTime;
import java.util.List;

import cn.huoxian.shared.RegionPath;
import jakarta.annotation.Nullable;

/**
 * An assessment round; {@code cadres} is ranked (total descending, unscored last, ties by
 * name) when the round is read whole, empty in lists.
 */
public record RoundView(long id, String name, String regionCode, RegionPath path, @Nullable String criteria,
		List<String> dimensions, String status, String createdBy, OffsetDateTime createdAt, @Nullable String closedBy,
		@Nullable OffsetDateTime closedAt, int cadreCount, List<RoundCadreView> cadres) {

	public boolean open() {
		return "OPEN".equals(status);
	}

	/**
	 * Who the round takes, in the reader's language: the ranks (or all) and whether only
	 * cadres at a post. The criteria are stored as {@code region=…; ranks=A,B|ALL;
	 * deployedOnly=true|false}; a round stored otherwise shows nothing rather than the
	 * raw text.
	 */
	public String criteriaText() {
		if (criteria == null) {
			return "";
		}
		java.util.Map<String, String> parts = new java.util.HashMap<>();
		for (String part : criteria.split(";")) {
			String[] pair = part.strip().split("=", 2);
			if (pair.length == 2) {
				parts.put(pair[0], pair[1]);
			}
		}
		String ranks = parts.getOrDefault("ranks", "ALL");
		String rankText = "ALL".equals(ranks) ? cn.huoxian.shared.Messages.text("assessment.round.allRanks")
				: java.util.Arrays.stream(ranks.split(","))
					.map(r -> cn.huoxian.shared.Messages.text("assessment.rank." + r.strip()))
					.collect(java.util.stream.Collectors.joining("、"));
		String text = cn.huoxian.shared.Messages.text("assessment.round.ranksAre", rankText);
		return "true".equals(parts.get("deployedOnly"))
				? text + " · " + cn.huoxian.shared.Messages.text("assessment.round.deployedOnly") : text;
	}

}

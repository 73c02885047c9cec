package cn.huoxian.record;

import java.util.List;

import cn.huoxian.people.CadreRank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Opens an assessment round: the cadres under a region, optionally of some ranks and only
 * those at a current post, scored on the dimensions (default 德、能、勤、绩、廉).
 */
public record RoundForm(@Size(max = 200) String name, @Size(max = 20) String region,
		@Size(max = 4) List<@NotNull CadreRank> ranks, Boolean deployedOnly,
		@Size(max = 8) List<@Size(max = 20) String> dimensions) {

	public static final List<String> DEFAULT_DIMENSIONS = List.of("德", "能", "勤", "绩", "廉");

}

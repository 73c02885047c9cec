package cn.huoxian.record;

import java.util.List;

import cn.huoxian.people.CadreRank;

/**
 * Opens an assessment round: the cadres under a region, optionally of some ranks and only
 * those at a current post, scored on the dimensions (default 德、能、勤、绩、廉).
 */
public record RoundForm(String name, String region, List<CadreRank> ranks, Boolean deployedOnly,
		List<String> dimensions) {

	public static final List<String> DEFAULT_DIMENSIONS = List.of("德", "能", "勤", "绩", "廉");

}

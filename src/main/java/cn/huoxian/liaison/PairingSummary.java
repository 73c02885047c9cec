package cn.huoxian.liaison;

/** Pairings under a region: distinct units and communities, completeness, shortages. */
public record PairingSummary(long pairedUnits, long pairedCommunities, long complete, long incomplete,
		long openShortages, long resolvedShortages) {
}

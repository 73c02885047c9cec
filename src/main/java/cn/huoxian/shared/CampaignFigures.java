package cn.huoxian.shared;

import java.util.List;

/**
 * The open screening campaigns' coverage of a region, for the command dashboard (the
 * dashboard shows it without depending on screening): each campaign reaching the region
 * (or lying inside it) with its kept counters there.
 */
public interface CampaignFigures {

	/**
	 * One open campaign's counters at a region (or at its own root inside the region).
	 */
	record CampaignLine(long campaignId, String name, long households, long covered, long flagged) {
	}

	/** The open campaigns over or under the region, newest first. */
	List<CampaignLine> openUnder(RegionPath region);

}

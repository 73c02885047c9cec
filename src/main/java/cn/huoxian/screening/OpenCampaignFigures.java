package cn.huoxian.screening;

import static cn.huoxian.db.Tables.SCREENING_COUNTER;

import java.util.ArrayList;
import java.util.List;

import cn.huoxian.org.Regions;
import cn.huoxian.shared.CampaignFigures;
import cn.huoxian.shared.RegionPath;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * Coverage of the open campaigns for the dashboard: a campaign over the region is read
 * from its counter at the region, a campaign rooted inside the region from its counter at
 * its root (one key read per campaign).
 */
@Component
class OpenCampaignFigures implements CampaignFigures {

	private final DSLContext db;

	private final Campaigns campaigns;

	private final Regions regions;

	OpenCampaignFigures(DSLContext db, Campaigns campaigns, Regions regions) {
		this.db = db;
		this.campaigns = campaigns;
		this.regions = regions;
	}

	@Override
	public List<CampaignLine> openUnder(RegionPath region) {
		List<CampaignLine> lines = new ArrayList<>();
		for (CampaignView campaign : campaigns.all()) {
			if (!campaign.open()) {
				continue;
			}
			String at;
			if (region.isWithin(campaign.rootPath())) {
				at = region.code();
			}
			else if (campaign.rootPath().isWithin(region)) {
				at = campaign.rootRegion();
			}
			else {
				continue;
			}
			Long id = regions.byCode(at).map(r -> r.id()).orElse(null);
			if (id != null) {
				db.select(SCREENING_COUNTER.HOUSEHOLDS, SCREENING_COUNTER.COVERED, SCREENING_COUNTER.FLAGGED)
					.from(SCREENING_COUNTER)
					.where(SCREENING_COUNTER.CAMPAIGN_ID.eq(campaign.id()), SCREENING_COUNTER.REGION_ID.eq(id))
					.fetchOptional()
					.ifPresent(r -> lines
						.add(new CampaignLine(campaign.id(), campaign.name(), r.value1(), r.value2(), r.value3())));
			}
		}
		return lines;
	}

}

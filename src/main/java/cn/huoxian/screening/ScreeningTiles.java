package cn.huoxian.screening;

import static cn.huoxian.db.Tables.SCREENING_COUNTER;
import static cn.huoxian.db.Tables.SCREENING_FLAG;

import java.util.ArrayList;
import java.util.List;

import cn.huoxian.org.RegionView;
import cn.huoxian.org.Regions;
import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.DataScope;
import cn.huoxian.shared.Messages;
import cn.huoxian.shared.WorkbenchTile;
import cn.huoxian.shared.WorkbenchTiles;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * Screening on the home page: each open campaign's coverage of the user's region (its
 * maintained counter row), and the flagged residents still to hand on (a count bounded at
 * {@value WorkbenchTile#COUNT_BOUND}, from the flag index). A grid worker's coverage
 * opens 我的网格.
 */
@Component
class ScreeningTiles implements WorkbenchTiles {

	private final DSLContext db;

	private final Campaigns campaigns;

	private final Regions regions;

	ScreeningTiles(DSLContext db, Campaigns campaigns, Regions regions) {
		this.db = db;
		this.campaigns = campaigns;
		this.regions = regions;
	}

	@Override
	public List<WorkbenchTile> tiles(CurrentUser user) {
		List<WorkbenchTile> tiles = new ArrayList<>();
		List<RegionView> roots = regions.homeRoots(user.scope());
		List<CampaignView> open = campaigns.list(user.scope()).stream().filter(CampaignView::open).toList();
		for (RegionView root : roots) {
			for (CampaignView campaign : open) {
				progress(user, root, campaign).ifPresent(tiles::add);
			}
			long flags = db.fetchCount(DSL.selectOne()
				.from(SCREENING_FLAG)
				.where(DataScope.under(SCREENING_FLAG.PATH, root.path()))
				.and(SCREENING_FLAG.HANDLED_AT.isNull())
				.limit(WorkbenchTile.COUNT_BOUND + 1));
			tiles.add(WorkbenchTile.dueUpTo(20, Messages.text("workbench.screening.flags"), root.name(), flags,
					"/screening/flags?region=" + root.code()));
		}
		return tiles;
	}

	/**
	 * The campaign's coverage at the deeper of the user's root and the campaign's root
	 * (an administrator sees a district's campaign at the district).
	 */
	private java.util.Optional<WorkbenchTile> progress(CurrentUser user, RegionView root, CampaignView campaign) {
		RegionView region;
		if (root.path().isWithin(campaign.rootPath())) {
			region = root;
		}
		else if (campaign.rootPath().isWithin(root.path())) {
			region = regions.byCode(campaign.rootRegion()).orElse(null);
		}
		else {
			return java.util.Optional.empty();
		}
		if (region == null) {
			return java.util.Optional.empty();
		}
		RegionView at = region;
		return db.selectFrom(SCREENING_COUNTER)
			.where(SCREENING_COUNTER.CAMPAIGN_ID.eq(campaign.id()), SCREENING_COUNTER.REGION_ID.eq(at.id()))
			.fetchOptional(
					r -> new WorkbenchTile(WorkbenchTile.PROGRESS, 10,
							Messages.text("workbench.screening.coverage", campaign.name()), at.name(), r.getCovered(),
							r.getHouseholds(),
							user.isGridWorker() ? "/screening/my-grid?grid=" + at.code()
									: "/screening/campaigns/" + campaign.id() + "/coverage?region=" + at.code(),
							false));
	}

}

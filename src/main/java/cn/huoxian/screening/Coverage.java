package cn.huoxian.screening;

import static cn.huoxian.db.Tables.SCREENING_COUNTER;
import static cn.huoxian.db.Tables.SCREENING_HOUSEHOLD;
import static cn.huoxian.db.Tables.SCREENING_TARGET;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.List;

import cn.huoxian.org.Households;
import cn.huoxian.org.RegionView;
import cn.huoxian.org.Regions;
import cn.huoxian.shared.DataScope;
import cn.huoxian.shared.Messages;
import cn.huoxian.shared.NotFoundException;
import cn.huoxian.shared.PageResult;
import cn.huoxian.shared.RegionPath;
import jakarta.annotation.Nullable;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Service;

/**
 * Read model for coverage: counters of a region and its children, and the blind-spot
 * list.
 */
@Service
public class Coverage {

	private final DSLContext db;

	private final Campaigns campaigns;

	private final Regions regions;

	Coverage(DSLContext db, Campaigns campaigns, Regions regions) {
		this.db = db;
		this.campaigns = campaigns;
		this.regions = regions;
	}

	/** One region's figures for one campaign. */
	public record Figures(String code, String name, String level, long households, long covered, BigDecimal rate,
			long residentsAccounted, long flagged, long visits) {

		public long uncovered() {
			return households - covered;
		}

	}

	/** A region's figures with its children's, for drill-down. */
	public record View(CampaignView campaign, Figures region, List<Figures> children) {
	}

	/**
	 * An uncovered household: where it is, and when it was last tried (null if never).
	 */
	public record BlindSpot(long householdId, String gridCode, String gridName, @Nullable String building,
			String address, @Nullable String door, int residents, @Nullable OffsetDateTime lastVisitedAt) {
	}

	public View coverage(long campaignId, String regionCode, DataScope scope) {
		CampaignView campaign = campaigns.find(campaignId, scope);
		RegionView region = regionIn(campaign, regionCode, scope);
		// the region's own names come with its view; its children's from the owner's rows
		Figures figures = db.selectFrom(SCREENING_COUNTER)
			.where(SCREENING_COUNTER.CAMPAIGN_ID.eq(campaignId), SCREENING_COUNTER.REGION_ID.eq(region.id()))
			.fetchOptional(r -> figures(r, region.code(), region.name(), region.level().name()))
			.orElseThrow(() -> new NotFoundException(Messages.text("screening.what.coverage", regionCode)));
		Regions.Rows child = Regions.childrenOf(region.id());
		List<Figures> children = db.select(SCREENING_COUNTER.fields())
			.select(child.code(), child.name(), child.level())
			.from(child.table())
			.join(SCREENING_COUNTER)
			.on(SCREENING_COUNTER.REGION_ID.eq(child.id()).and(SCREENING_COUNTER.CAMPAIGN_ID.eq(campaignId)))
			.orderBy(child.code())
			.fetch(r -> figures(r, r.get(child.code()), r.get(child.name()), r.get(child.level())));
		return new View(campaign, figures, children);
	}

	/** A household of a grid with its state in a campaign, for 我的网格. */
	public record GridHousehold(long householdId, String address, @Nullable String door, @Nullable String building,
			int residents, boolean covered, @Nullable OffsetDateTime lastVisitedAt) {
	}

	/** The most households a grid's page reads: a grid holds a few hundred. */
	static final int GRID_LIMIT = 3000;

	/**
	 * Every household of a grid (or of the campaign's target list in it) with its state,
	 * by building and door (registration order): the grid worker's list, filtered and
	 * paged on the page (a grid holds a few hundred households).
	 */
	public List<GridHousehold> gridHouseholds(long campaignId, String gridCode, DataScope scope) {
		CampaignView campaign = campaigns.find(campaignId, scope);
		RegionView region = regionIn(campaign, gridCode, scope);
		var household = LOCATED;
		var covered = DSL.field(stateOf(household.id(), campaign.id(), STATE.COVERED)).as("covered");
		var visitedAt = DSL.field(stateOf(household.id(), campaign.id(), STATE.LAST_VISITED_AT)).as(LAST_VISITED_AT);
		org.jooq.Condition where = cn.huoxian.shared.DataScope.under(household.path(), region.path());
		if (campaign.hasTargetList()) {
			where = where.and(household.id()
				.in(DSL.select(TARGET.HOUSEHOLD_ID)
					.from(TARGET)
					.where(TARGET.CAMPAIGN_ID.eq(campaign.id()))
					.and(cn.huoxian.shared.DataScope.under(TARGET.PATH, region.path()))));
		}
		return db
			.select(household.id(), household.address(), household.door(), household.building(), household.residents(),
					covered, visitedAt)
			.from(household.table())
			.where(where)
			.orderBy(household.building().nullsLast(), household.id())
			.limit(GRID_LIMIT)
			.fetch(r -> new GridHousehold(r.get(household.id()), r.get(household.address()), r.get(household.door()),
					r.get(household.building()), r.get(household.residents()), Boolean.TRUE.equals(r.get(covered)),
					r.get(visitedAt)));
	}

	/** Exactly the uncovered households under a region, by grid, building and door. */
	public PageResult<BlindSpot> blindSpots(long campaignId, String regionCode, int page, int size, DataScope scope) {
		PageResult.check(page, size);
		CampaignView campaign = campaigns.find(campaignId, scope);
		RegionView region = regionIn(campaign, regionCode, scope);
		long total = db.select(SCREENING_COUNTER.HOUSEHOLDS.minus(SCREENING_COUNTER.COVERED))
			.from(SCREENING_COUNTER)
			.where(SCREENING_COUNTER.CAMPAIGN_ID.eq(campaignId), SCREENING_COUNTER.REGION_ID.eq(region.id()))
			.fetchOptional(0, Long.class)
			.orElse(0L);
		List<BlindSpot> items = blindSpotQuery(campaign, region.path()).limit(size)
			.offset((long) page * size)
			.fetch(Coverage::blindSpot);
		return new PageResult<>(items, total, page, size);
	}

	/**
	 * Streams every blind spot under a region (for the ledger export) without holding
	 * them in memory; in a read-only transaction so PostgreSQL honours the fetch size (it
	 * needs autocommit off).
	 */
	@org.springframework.transaction.annotation.Transactional(readOnly = true)
	public void eachBlindSpot(long campaignId, String regionCode, DataScope scope,
			java.util.function.Consumer<BlindSpot> consumer) {
		CampaignView campaign = campaigns.find(campaignId, scope);
		RegionView region = regionIn(campaign, regionCode, scope);
		try (var cursor = blindSpotQuery(campaign, region.path()).fetchSize(1000).fetchLazy()) {
			for (Record record : cursor) {
				consumer.accept(blindSpot(record));
			}
		}
	}

	private static final cn.huoxian.db.tables.ScreeningHousehold STATE = SCREENING_HOUSEHOLD.as("state");

	private static final cn.huoxian.db.tables.ScreeningTarget TARGET = SCREENING_TARGET.as("target");

	/** Households with their building and grid, built by their owner (org). */
	private static final Households.Located LOCATED = Households.located();

	private static final org.jooq.Field<OffsetDateTime> LAST_VISITED_AT = DSL.field("last_visited_at",
			OffsetDateTime.class);

	/**
	 * Uncovered households under a path: all households there, or only the campaign's
	 * target list; from the first region with an uncovered household on.
	 */
	private org.jooq.SelectLimitStep<Record> blindSpotQuery(CampaignView campaign, RegionPath path) {
		var household = LOCATED;
		String from = firstUncovered(campaign.id(), path);
		// each household's state is a probe of its key (household_id, campaign_id), as
		// scalar subqueries PostgreSQL cannot turn into a join: as a join (or an anti
		// join) it was planned, on a table never analysed, as a nested loop over a
		// materialised scan of every state of the campaign — 20 s for the city's first
		// page with 9,000 states (docs/BENCHMARKS.md "Plans that stay good")
		org.jooq.SelectField<?>[] fields = { household.id(), household.address(), household.door(),
				household.residents(), household.building(), household.gridCode(), household.gridName(),
				DSL.field(stateOf(household.id(), campaign.id(), STATE.LAST_VISITED_AT)).as(LAST_VISITED_AT) };
		org.jooq.Condition uncovered = DSL
			.coalesce(DSL.field(stateOf(household.id(), campaign.id(), STATE.COVERED)), DSL.inline(false))
			.isFalse();
		if (campaign.hasTargetList()) {
			return db.select(fields)
				.from(TARGET)
				.join(household.table())
				.on(household.id().eq(TARGET.HOUSEHOLD_ID))
				.where(TARGET.CAMPAIGN_ID.eq(campaign.id()))
				.and(cn.huoxian.shared.DataScope.under(TARGET.PATH, path))
				.and(TARGET.PATH.ge(from))
				.and(uncovered)
				.orderBy(TARGET.PATH, TARGET.HOUSEHOLD_ID);
		}
		return db.select(fields)
			.from(household.table())
			.where(cn.huoxian.shared.DataScope.under(household.path(), path))
			.and(household.path().ge(from))
			.and(uncovered)
			.orderBy(household.path(), household.id());
	}

	/** One column of a household's state in the campaign, as a scalar subquery. */
	private static <T> org.jooq.Select<org.jooq.Record1<T>> stateOf(org.jooq.Field<Long> householdId, long campaignId,
			org.jooq.TableField<?, T> column) {
		return DSL.select(column)
			.from(STATE)
			.where(STATE.HOUSEHOLD_ID.eq(householdId))
			.and(STATE.CAMPAIGN_ID.eq(campaignId));
	}

	/**
	 * The path from which a region's blind spots start: every household before it in path
	 * order is covered. The counters under the region with an uncovered household, in
	 * path order, begin with the region itself and then descend to the first such grid
	 * (at most one per level); its households are the first that may be uncovered. A page
	 * starts there instead of probing every covered household before it (the city's first
	 * page read 30,050 households when the first 30,000 were covered).
	 */
	private String firstUncovered(long campaignId, RegionPath path) {
		List<String> chain = db.select(SCREENING_COUNTER.PATH)
			.from(SCREENING_COUNTER)
			.where(SCREENING_COUNTER.CAMPAIGN_ID.eq(campaignId))
			.and(cn.huoxian.shared.DataScope.under(SCREENING_COUNTER.PATH, path))
			.and(SCREENING_COUNTER.HOUSEHOLDS.gt(SCREENING_COUNTER.COVERED))
			.orderBy(SCREENING_COUNTER.PATH)
			.limit(cn.huoxian.org.RegionLevel.values().length)
			.fetch(SCREENING_COUNTER.PATH);
		String deepest = path.value();
		for (String next : chain) {
			if (!next.startsWith(deepest)) {
				break;
			}
			deepest = next;
		}
		return deepest;
	}

	/**
	 * The region a question about a campaign means when it names none: the campaign's
	 * root where the caller may read it, otherwise the caller's first region inside the
	 * campaign (a grid worker's grid), so no caller is sent to a region outside their
	 * scope.
	 */
	public String defaultRegion(CampaignView campaign, DataScope scope) {
		if (scope.coversRegion(campaign.rootPath())) {
			return campaign.rootRegion();
		}
		return scope.regions()
			.stream()
			.filter(path -> path.isWithin(campaign.rootPath()))
			.findFirst()
			.map(RegionPath::code)
			.orElse(campaign.rootRegion());
	}

	private RegionView regionIn(CampaignView campaign, String regionCode, DataScope scope) {
		RegionView region = regions
			.find(regionCode == null || regionCode.isBlank() ? defaultRegion(campaign, scope) : regionCode, scope);
		if (!region.path().isWithin(campaign.rootPath())) {
			throw new NotFoundException(Messages.text("screening.what.region-in-campaign", regionCode, campaign.id()));

		}
		return region;
	}

	private static Figures figures(Record r, String code, String name, String level) {
		long households = r.get(SCREENING_COUNTER.HOUSEHOLDS);
		long covered = r.get(SCREENING_COUNTER.COVERED);
		BigDecimal rate = households == 0 ? BigDecimal.ZERO
				: BigDecimal.valueOf(covered).divide(BigDecimal.valueOf(households), 4, RoundingMode.HALF_UP);
		return new Figures(code, name, level, households, covered, rate, r.get(SCREENING_COUNTER.RESIDENTS_ACCOUNTED),
				r.get(SCREENING_COUNTER.FLAGGED), r.get(SCREENING_COUNTER.VISITS));
	}

	private static BlindSpot blindSpot(Record r) {
		return new BlindSpot(r.get(LOCATED.id()), r.get(LOCATED.gridCode()), r.get(LOCATED.gridName()),
				r.get(LOCATED.building()), r.get(LOCATED.address()), r.get(LOCATED.door()), r.get(LOCATED.residents()),
				r.get(LAST_VISITED_AT));
	}

}

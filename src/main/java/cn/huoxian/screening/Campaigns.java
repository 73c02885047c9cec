package cn.huoxian.screening;

import static cn.huoxian.db.Tables.SCREENING_CAMPAIGN;
import static cn.huoxian.db.Tables.SCREENING_COUNTER;
import static cn.huoxian.db.Tables.SCREENING_TARGET;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import cn.huoxian.db.tables.records.ScreeningCampaignRecord;
import cn.huoxian.org.HouseholdsAdded;
import cn.huoxian.org.RegionLevel;
import cn.huoxian.org.RegionView;
import cn.huoxian.org.Regions;
import cn.huoxian.shared.BusinessDay;
import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.DataScope;
import cn.huoxian.shared.ForbiddenException;
import cn.huoxian.shared.Forms;
import cn.huoxian.shared.InvalidInputException;
import cn.huoxian.shared.Messages;
import cn.huoxian.shared.NotFoundException;
import cn.huoxian.shared.RegionPath;
import cn.huoxian.shared.bulk.SqlArrays;
import cn.huoxian.shared.bulk.Statistics;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Screening campaigns: opened by city, county or township staff over a region they hold.
 */
@Service
public class Campaigns {

	private final DSLContext db;

	private final Regions regions;

	private final Clock clock;

	private final Forms forms;

	Campaigns(DSLContext db, Regions regions, Clock clock, Forms forms) {
		this.db = db;
		this.regions = regions;
		this.clock = clock;
		this.forms = forms;
	}

	/**
	 * Opens a campaign and sets up one coverage counter per region under its root,
	 * starting from the households registered there now.
	 */
	@Transactional
	public CampaignView create(CampaignForm form, CurrentUser user) {
		user.requireNetworkEditor();
		// the form's rules, also for callers that bound it without @Valid
		forms.check(form);
		RegionView root = regions.resolve("rootRegion", form.rootRegion(), user.scope());
		if (root.level() == RegionLevel.VILLAGE || root.level() == RegionLevel.GRID) {
			throw new InvalidInputException("rootRegion", Messages.text("screening.problem.root-level"));
		}
		// the period and the target's day are checked on the form (CampaignForm)
		CampaignTarget target = form.targetOrDefault();
		Set<Question> questions = form.questions() == null || form.questions().isEmpty() ? EnumSet.allOf(Question.class)
				: EnumSet.copyOf(form.questions());
		ScreeningCampaignRecord campaign = db.newRecord(SCREENING_CAMPAIGN);
		campaign.setName(form.name().strip());
		campaign.setRootRegionId(root.id());
		campaign.setRootPath(root.path().value());
		campaign.setStartsOn(form.startsOn());
		campaign.setEndsOn(form.endsOn());
		campaign.setQuestions(questions.stream().map(Enum::name).collect(Collectors.joining(",")));
		campaign.setCreatedBy(user.username());
		campaign.setTarget(target.name());
		campaign.setTargetSince(target == CampaignTarget.RETURNEES_SINCE ? form.targetSince() : null);
		campaign.store();
		if (target == CampaignTarget.ALL_HOUSEHOLDS) {
			Regions.Rows under = Regions.under(root.path());
			db.insertInto(SCREENING_COUNTER, SCREENING_COUNTER.CAMPAIGN_ID, SCREENING_COUNTER.REGION_ID,
					SCREENING_COUNTER.PATH, SCREENING_COUNTER.HOUSEHOLDS)
				.select(DSL.select(DSL.val(campaign.getId()), under.id(), under.path(), under.households())
					.from(under.table()))
				.execute();
		}
		else {
			targetReturnees(campaign.getId(), root.path(), form.targetSince());
		}
		// a new campaign's counters (and target list) are all written at once, but the
		// planner does not know the campaign until they are analysed: coverage of the
		// city was planned as a walk through every counter (72 ms instead of 0.3 ms)
		if (target == CampaignTarget.ALL_HOUSEHOLDS) {
			Statistics.refresh(db, SCREENING_COUNTER);
		}
		else {
			Statistics.refresh(db, SCREENING_COUNTER, SCREENING_TARGET);
		}
		return find(campaign.getId(), user.scope());
	}

	/**
	 * Fixes the target list: the households of residents under the root registered as
	 * returned on or after the date; then one counter per region under the root counting
	 * only those households.
	 */
	private void targetReturnees(long campaignId, RegionPath rootPath, java.time.LocalDate since) {
		var household = cn.huoxian.org.Households.located();
		db.insertInto(SCREENING_TARGET, SCREENING_TARGET.CAMPAIGN_ID, SCREENING_TARGET.HOUSEHOLD_ID,
				SCREENING_TARGET.PATH)
			.select(DSL.selectDistinct(DSL.val(campaignId), household.id(), household.path())
				.from(household.table())
				.where(household.id().in(cn.huoxian.people.People.householdsOfReturnees(since)))
				.and(cn.huoxian.shared.DataScope.under(household.path(), rootPath)))
			.execute();
		java.util.Map<String, Long> byRegion = new java.util.HashMap<>();
		db.select(SCREENING_TARGET.PATH, DSL.count())
			.from(SCREENING_TARGET)
			.where(SCREENING_TARGET.CAMPAIGN_ID.eq(campaignId))
			.groupBy(SCREENING_TARGET.PATH)
			.forEach(r -> ancestorPaths(RegionPath.of(r.value1()))
				.forEach(p -> byRegion.merge(p, (long) r.value2(), Long::sum)));
		var insert = db.insertInto(SCREENING_COUNTER, SCREENING_COUNTER.CAMPAIGN_ID, SCREENING_COUNTER.REGION_ID,
				SCREENING_COUNTER.PATH, SCREENING_COUNTER.HOUSEHOLDS);
		Regions.Rows under = Regions.under(rootPath);
		for (var region : db.select(under.id(), under.path()).from(under.table()).fetch()) {
			insert = insert.values(campaignId, region.value1(), region.value2(),
					byRegion.getOrDefault(region.value2(), 0L));
		}
		insert.execute();
	}

	/**
	 * The households among these (by id and path) that a campaign must cover: those under
	 * its root, and for a campaign of returnees only those on its target list (one query
	 * for the batch).
	 */
	public java.util.Set<Long> targetsAmong(CampaignView campaign, Map<Long, RegionPath> householdPaths) {
		java.util.Set<Long> under = new java.util.HashSet<>();
		householdPaths.forEach((id, path) -> {
			if (path.isWithin(campaign.rootPath())) {
				under.add(id);
			}
		});
		if (!campaign.hasTargetList() || under.isEmpty()) {
			return under;
		}
		return new java.util.HashSet<>(db.select(SCREENING_TARGET.HOUSEHOLD_ID)
			.from(SCREENING_TARGET)
			.where(SCREENING_TARGET.CAMPAIGN_ID.eq(campaign.id()))
			.and(SqlArrays.anyOf(SCREENING_TARGET.HOUSEHOLD_ID, under))
			.fetch(SCREENING_TARGET.HOUSEHOLD_ID));
	}

	/**
	 * Campaigns whose root lies inside the scope, or that cover the scope's regions;
	 * newest first.
	 */
	public List<CampaignView> list(DataScope scope) {
		return all().stream().filter(c -> overlaps(c, scope)).toList();
	}

	/** Open campaigns that reach a region (for a grid worker's "my grid"). */
	public List<CampaignView> openFor(RegionPath path) {
		return all().stream().filter(c -> c.open() && path.isWithin(c.rootPath())).toList();
	}

	/**
	 * A campaign's name, unscoped: only to label a figure of a report the reader already
	 * sees (the campaign was open over its community).
	 */
	java.util.Optional<String> nameOf(long id) {
		return db.select(SCREENING_CAMPAIGN.NAME)
			.from(SCREENING_CAMPAIGN)
			.where(SCREENING_CAMPAIGN.ID.eq(id))
			.fetchOptional(SCREENING_CAMPAIGN.NAME);
	}

	/** Every campaign, newest first (campaigns are few: a handful per city and month). */
	List<CampaignView> all() {
		return selectCampaigns().orderBy(SCREENING_CAMPAIGN.ID.desc()).fetch(this::view);
	}

	private static final org.jooq.Field<String> ROOT_CODE = Regions.codeOf(SCREENING_CAMPAIGN.ROOT_REGION_ID)
		.as("root_code");

	private static final org.jooq.Field<String> ROOT_NAME = Regions.nameOf(SCREENING_CAMPAIGN.ROOT_REGION_ID)
		.as("root_name");

	private org.jooq.SelectJoinStep<Record> selectCampaigns() {
		return db.select(SCREENING_CAMPAIGN.fields()).select(ROOT_CODE, ROOT_NAME).from(SCREENING_CAMPAIGN);
	}

	/** A campaign the user can see (its root overlaps their scope), or 404. */
	public CampaignView find(long id, DataScope scope) {
		return selectCampaigns().where(SCREENING_CAMPAIGN.ID.eq(id))
			.fetchOptional(this::view)
			.filter(c -> overlaps(c, scope))
			.orElseThrow(() -> new NotFoundException(Messages.text("screening.what.campaign", id)));

	}

	/**
	 * Households registered after a campaign opened are targets too: count them in every
	 * open campaign.
	 */
	@EventListener
	void on(HouseholdsAdded event) {
		List<String> ancestors = ancestorPaths(event.gridPath());
		db.update(SCREENING_COUNTER)
			.set(SCREENING_COUNTER.HOUSEHOLDS, SCREENING_COUNTER.HOUSEHOLDS.plus(event.count()))
			.where(SCREENING_COUNTER.PATH.in(ancestors))
			.and(SCREENING_COUNTER.CAMPAIGN_ID.in(DSL.select(SCREENING_CAMPAIGN.ID)
				.from(SCREENING_CAMPAIGN)
				.where(SCREENING_CAMPAIGN.CLOSED_AT.isNull())
				.and(SCREENING_CAMPAIGN.TARGET.eq(CampaignTarget.ALL_HOUSEHOLDS.name()))))
			.execute();
	}

	/**
	 * A region added under a campaign's root gets its (empty) counter, so its coverage
	 * can be read at once.
	 */
	@EventListener
	void on(cn.huoxian.org.RegionCreated event) {
		for (var campaign : db.select(SCREENING_CAMPAIGN.ID, SCREENING_CAMPAIGN.ROOT_PATH)
			.from(SCREENING_CAMPAIGN)
			.fetch()) {
			if (event.path().isWithin(RegionPath.of(campaign.value2()))) {
				db.insertInto(SCREENING_COUNTER, SCREENING_COUNTER.CAMPAIGN_ID, SCREENING_COUNTER.REGION_ID,
						SCREENING_COUNTER.PATH)
					.values(campaign.value1(), event.regionId(), event.path().value())
					.execute();
			}
		}
	}

	/** The paths of a region and all its ancestors. */
	static List<String> ancestorPaths(RegionPath path) {
		List<String> codes = path.codes();
		StringBuilder prefix = new StringBuilder("/");
		List<String> paths = new java.util.ArrayList<>();
		for (String code : codes) {
			prefix.append(code).append('/');
			paths.add(prefix.toString());
		}
		return paths;
	}

	private static boolean overlaps(CampaignView campaign, DataScope scope) {
		return scope.coversRegion(campaign.rootPath())
				|| scope.regions().stream().anyMatch(r -> r.isWithin(campaign.rootPath()));
	}

	private CampaignView view(Record r) {
		LocalDate today = BusinessDay.today(clock);
		LocalDate startsOn = r.get(SCREENING_CAMPAIGN.STARTS_ON);
		LocalDate endsOn = r.get(SCREENING_CAMPAIGN.ENDS_ON);
		boolean open = r.get(SCREENING_CAMPAIGN.CLOSED_AT) == null && !today.isBefore(startsOn)
				&& !today.isAfter(endsOn);
		Set<Question> questions = EnumSet.noneOf(Question.class);
		Arrays.stream(r.get(SCREENING_CAMPAIGN.QUESTIONS).split(","))
			.filter(q -> !q.isBlank())
			.forEach(q -> questions.add(Question.valueOf(q)));
		return new CampaignView(r.get(SCREENING_CAMPAIGN.ID), r.get(SCREENING_CAMPAIGN.NAME), r.get(ROOT_CODE),
				r.get(ROOT_NAME), RegionPath.of(r.get(SCREENING_CAMPAIGN.ROOT_PATH)),
				CampaignTarget.valueOf(r.get(SCREENING_CAMPAIGN.TARGET)), r.get(SCREENING_CAMPAIGN.TARGET_SINCE),
				startsOn, endsOn, questions, open);
	}

}

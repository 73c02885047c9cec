package cn.huoxian.householdlink;

import static cn.huoxian.db.Tables.HOUSEHOLD_LINK;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import cn.huoxian.org.HouseholdView;
import cn.huoxian.org.Households;
import cn.huoxian.org.RegionView;
import cn.huoxian.org.Regions;
import cn.huoxian.db.tables.records.HouseholdLinkRecord;
import cn.huoxian.people.People;
import cn.huoxian.people.PersonView;
import cn.huoxian.people.RoleChecks;
import cn.huoxian.shared.BusinessDay;
import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.DataScope;
import cn.huoxian.shared.FieldChecks;
import cn.huoxian.shared.InvalidInputException;
import cn.huoxian.shared.Messages;
import cn.huoxian.shared.NotFoundException;
import cn.huoxian.shared.PageResult;
import cn.huoxian.shared.RegionPath;
import cn.huoxian.shared.RuleViolationException;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 1+10: each party member answers for at most ten households of their own community (the
 * village-level ancestor of their grid), and a household has at most one linked member.
 * The limit holds under concurrency: a link locks the member's person row before
 * counting.
 */
@Service
public class HouseholdLinks {

	/** The most households one party member links. */
	public static final int LIMIT = 10;

	private final DSLContext db;

	private final Households households;

	private final RoleChecks roles;

	private final Clock clock;

	private final People people;

	private final Regions regions;

	HouseholdLinks(DSLContext db, Households households, People people, RoleChecks roles, Clock clock,
			Regions regions) {
		this.db = db;
		this.regions = regions;
		this.people = people;
		this.households = households;
		this.roles = roles;
		this.clock = clock;
	}

	/** Links a household to a party member of its community. */
	@Transactional
	public HouseholdLinkView link(long partyMemberId, long householdId, LocalDate linkedOn, CurrentUser user) {
		// both ids are required on the form (HouseholdLinkApi.LinkForm); the day needs
		// the
		// clock
		LocalDate today = BusinessDay.today(clock);
		LocalDate on = linkedOn == null ? today : linkedOn;
		new FieldChecks().require(!on.isAfter(today), "linkedOn", "problem.field.future").done();
		// every reference through the caller's scope, before any rule about it
		HouseholdView household = households.resolve("householdId", householdId, user.scope());
		people.resolve("partyMemberId", partyMemberId, user.scope());
		user.requireMayWriteIn(household.path(), Messages.text("frontline.what.household", householdId));
		roles.requirePartyMember("partyMemberId", partyMemberId);
		// the member's row is locked until commit: a second link for the same member
		// waits
		// here and then counts this one
		PersonView member = people.lock(partyMemberId).orElse(null);
		if (member == null) {
			throw new InvalidInputException("partyMemberId", Messages.text("frontline.person.none", partyMemberId));
		}
		String name = member.name();
		RegionPath community = communityPath(member.path());
		if (community == null) {
			throw new RuleViolationException(Messages.text("frontline.link.no-community", name));
		}
		if (!household.path().isWithin(community)) {
			throw new RuleViolationException(
					Messages.text("frontline.link.other-community", householdId, name, community.code()));
		}
		HouseholdLinkRecord existing = db.fetchOne(HOUSEHOLD_LINK, HOUSEHOLD_LINK.HOUSEHOLD_ID.eq(householdId));
		if (existing != null) {
			long holder = existing.getPartyMemberId();
			if (!people.readable(holder, user.scope())) {
				throw new RuleViolationException(Messages.text("frontline.link.taken-by-another", householdId));
			}
			throw alreadyLinked(householdId, people.names(Set.of(holder)).get(holder), holder);
		}
		int linked = db.fetchCount(HOUSEHOLD_LINK, HOUSEHOLD_LINK.PARTY_MEMBER_ID.eq(partyMemberId));
		if (linked >= LIMIT) {
			throw new RuleViolationException(Messages.text("frontline.link.limit", LIMIT, name, linked));
		}
		try {
			db.insertInto(HOUSEHOLD_LINK)
				.set(HOUSEHOLD_LINK.HOUSEHOLD_ID, householdId)
				.set(HOUSEHOLD_LINK.PARTY_MEMBER_ID, partyMemberId)
				.set(HOUSEHOLD_LINK.PATH, household.path().value())
				.set(HOUSEHOLD_LINK.LINKED_ON, on)
				.set(HOUSEHOLD_LINK.CREATED_BY, user.username())
				.execute();
		}
		catch (DuplicateKeyException ex) {
			// linked to someone else at the same moment
			throw new RuleViolationException(Messages.text("frontline.link.just-taken", householdId));
		}
		return fetch(householdId).orElseThrow();
	}

	private static RuleViolationException alreadyLinked(long householdId, String name, long memberId) {
		return new RuleViolationException(Messages.text("frontline.link.taken", householdId, name, memberId));
	}

	/** Ends a household's link. */
	@Transactional
	public void unlink(long householdId, CurrentUser user) {
		HouseholdLinkView link = fetch(householdId)
			.orElseThrow(() -> new NotFoundException(Messages.text("frontline.what.link", householdId)));
		user.requireMayWriteIn(link.path(), Messages.text("frontline.what.household", householdId));
		db.deleteFrom(HOUSEHOLD_LINK).where(HOUSEHOLD_LINK.HOUSEHOLD_ID.eq(householdId)).execute();
	}

	/**
	 * The links under a region, optionally of one party member, by path then household.
	 */
	public PageResult<HouseholdLinkView> list(RegionPath regionPath, Long partyMemberId, int page, int size,
			DataScope scope) {
		PageResult.check(page, size);
		Condition where = scope.regionCondition(HOUSEHOLD_LINK.PATH)
			.and(DataScope.under(HOUSEHOLD_LINK.PATH, regionPath));
		if (partyMemberId != null) {
			where = where.and(HOUSEHOLD_LINK.PARTY_MEMBER_ID.eq(partyMemberId));
		}
		long total = db.fetchCount(HOUSEHOLD_LINK, where);
		List<HouseholdLinkView> items = views(db.selectFrom(HOUSEHOLD_LINK)
			.where(where)
			.orderBy(HOUSEHOLD_LINK.PATH, HOUSEHOLD_LINK.HOUSEHOLD_ID)
			.limit(size)
			.offset((long) page * size)
			.fetch());
		return new PageResult<>(items, total, page, size);
	}

	/** The links of these households (by household id), for a tick list. */
	public Map<Long, HouseholdLinkView> linksOf(Collection<Long> householdIds) {
		if (householdIds.isEmpty()) {
			return Map.of();
		}
		return views(db.selectFrom(HOUSEHOLD_LINK).where(HOUSEHOLD_LINK.HOUSEHOLD_ID.in(householdIds)).fetch()).stream()
			.collect(Collectors.toMap(HouseholdLinkView::householdId, v -> v));
	}

	/**
	 * The share of the region's households that are linked, and of each child region (one
	 * grouped query over the children's path prefixes).
	 */
	public LinkShare share(RegionView region, DataScope scope) {
		long linked = db.fetchCount(HOUSEHOLD_LINK,
				scope.regionCondition(HOUSEHOLD_LINK.PATH).and(DataScope.under(HOUSEHOLD_LINK.PATH, region.path())));
		// the child's path is the region's path and the next code: cut each link's path
		// after the first slash past the region's prefix, then count per prefix
		int prefix = region.path().value().length();
		Field<String> child = DSL
			.substring(HOUSEHOLD_LINK.PATH, DSL.inline(1),
					DSL.inline(prefix).plus(DSL.position(DSL.substring(HOUSEHOLD_LINK.PATH, prefix + 1), "/")))
			.as("child");
		var count = DSL.count().as("linked");
		Map<String, Integer> byChild = db.select(child, count)
			.from(HOUSEHOLD_LINK)
			.where(scope.regionCondition(HOUSEHOLD_LINK.PATH)
				.and(DataScope.under(HOUSEHOLD_LINK.PATH, region.path()))
				.and(HOUSEHOLD_LINK.PATH.ne(region.path().value())))
			.groupBy(child)
			.fetchMap(child, count);
		List<LinkShare.Row> children = regions.children(region.code(), scope)
			.stream()
			.map(r -> LinkShare.Row.of(r.code(), r.name(), r.level().name(), r.counts().households(),
					byChild.getOrDefault(r.path().value(), 0)))
			.toList();
		return new LinkShare(LinkShare.Row.of(region.code(), region.name(), region.level().name(),
				region.counts().households(), linked), children);
	}

	/**
	 * The party members of a community visible in the scope, with how many households
	 * each has linked.
	 */
	public List<LinkMember> members(RegionPath communityPath, DataScope scope) {
		List<PersonView> members = people.partyMembersUnder(communityPath, scope, 500);
		if (members.isEmpty()) {
			return List.of();
		}
		var linked = DSL.count().as("linked");
		Map<Long, Integer> counts = db.select(HOUSEHOLD_LINK.PARTY_MEMBER_ID, linked)
			.from(HOUSEHOLD_LINK)
			.where(HOUSEHOLD_LINK.PARTY_MEMBER_ID.in(members.stream().map(PersonView::id).toList()))
			.groupBy(HOUSEHOLD_LINK.PARTY_MEMBER_ID)
			.fetchMap(HOUSEHOLD_LINK.PARTY_MEMBER_ID, linked);
		return members.stream()
			.map(p -> new LinkMember(p.id(), p.name(), p.regionCode(), counts.getOrDefault(p.id(), 0)))
			.toList();
	}

	/**
	 * The community (village-level) path of a path at or below a village, or null above
	 * it: {@code /city/county/township/village/}.
	 */
	public static RegionPath communityPath(RegionPath path) {
		if (path == null) {
			return null;
		}
		List<String> codes = path.codes();
		if (codes.size() < 4) {
			return null;
		}
		return new RegionPath("/" + String.join("/", codes.subList(0, 4)) + "/");
	}

	private java.util.Optional<HouseholdLinkView> fetch(long householdId) {
		return views(db.selectFrom(HOUSEHOLD_LINK).where(HOUSEHOLD_LINK.HOUSEHOLD_ID.eq(householdId)).fetch()).stream()
			.findFirst();
	}

	/**
	 * Views of link rows: households and members' names in one lookup each (unscoped: the
	 * rows were already filtered by scope).
	 */
	private List<HouseholdLinkView> views(List<HouseholdLinkRecord> rows) {
		if (rows.isEmpty()) {
			return List.of();
		}
		Map<Long, HouseholdView> homes = households
			.fetchAll(rows.stream().map(HouseholdLinkRecord::getHouseholdId).collect(Collectors.toSet()));
		Map<Long, String> names = people
			.names(rows.stream().map(HouseholdLinkRecord::getPartyMemberId).collect(Collectors.toSet()));
		return rows.stream().map(r -> {
			HouseholdView home = homes.get(r.getHouseholdId());
			return new HouseholdLinkView(r.getHouseholdId(), home.regionCode(), RegionPath.of(r.getPath()),
					home.address(), home.door(), r.getPartyMemberId(), names.get(r.getPartyMemberId()), r.getLinkedOn(),
					r.getCreatedBy());
		}).toList();
	}

}

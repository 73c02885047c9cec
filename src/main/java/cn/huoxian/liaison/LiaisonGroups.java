package cn.huoxian.liaison;

import static cn.huoxian.db.Tables.LIAISON_GROUP;
import static cn.huoxian.db.Tables.LIAISON_GROUP_COMMUNITY;
import static cn.huoxian.db.Tables.LIAISON_GROUP_MEMBER;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import cn.huoxian.db.tables.records.LiaisonGroupRecord;
import cn.huoxian.org.RegionLevel;
import cn.huoxian.org.RegionView;
import cn.huoxian.org.Regions;
import cn.huoxian.people.People;
import cn.huoxian.people.RoleChecks;
import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.DataScope;
import cn.huoxian.shared.Forms;
import cn.huoxian.shared.Messages;
import cn.huoxian.shared.NotFoundException;
import cn.huoxian.shared.PageResult;
import cn.huoxian.shared.ReferenceNotFoundException;
import cn.huoxian.shared.RegionPath;
import cn.huoxian.shared.RuleViolationException;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Liaison groups (包联组): a cadre leading members, formed at a region, answering for
 * villages or communities under that region; the inspections recorded against a group are
 * read from the inspection table.
 */
@Service
public class LiaisonGroups {

	private final DSLContext db;

	private final Regions regions;

	private final People people;

	private final RoleChecks roles;

	private final GroupInspections groupInspections;

	private final Forms forms;

	LiaisonGroups(DSLContext db, Regions regions, People people, RoleChecks roles, GroupInspections groupInspections,
			Forms forms) {
		this.groupInspections = groupInspections;
		this.db = db;
		this.regions = regions;
		this.people = people;
		this.roles = roles;
		this.forms = forms;
	}

	@Transactional
	public LiaisonGroupView create(LiaisonGroupForm form, CurrentUser user) {
		user.requirePeopleEditor();
		forms.check(form);
		// every reference through the caller's scope, before any rule about it
		RegionView region = regions.resolve("region", form.region(), user.scope());
		people.resolve("leaderId", form.leaderId(), user.scope());
		people.resolveAll("memberIds", form.membersOrEmpty(), user.scope());
		List<RegionView> communities = new ArrayList<>();
		List<String> codes = form.communitiesOrEmpty();
		for (int i = 0; i < codes.size(); i++) {
			RegionView community = community("communityCodes[" + i + "]", codes.get(i), region, user);
			if (communities.stream().noneMatch(c -> c.id() == community.id())) {
				communities.add(community);
			}
		}
		user.requireMayWriteIn(region.path(), Messages.text("deployment.what.region", region.code()));
		roles.requireCadre("leaderId", form.leaderId());
		LiaisonGroupRecord group = db.newRecord(LIAISON_GROUP);
		group.setName(form.name().strip());
		group.setLeaderId(form.leaderId());
		group.setRegionId(region.id());
		group.setPath(region.path().value());
		group.setCreatedBy(user.username());
		group.store();
		for (Long member : form.membersOrEmpty().stream().distinct().toList()) {
			db.insertInto(LIAISON_GROUP_MEMBER, LIAISON_GROUP_MEMBER.GROUP_ID, LIAISON_GROUP_MEMBER.PERSON_ID)
				.values(group.getId(), member)
				.execute();
		}
		for (RegionView community : communities) {
			insertCommunity(group.getId(), community);
		}
		return find(group.getId(), user.scope());
	}

	@Transactional
	public LiaisonGroupView addMember(long id, Long personId, CurrentUser user) {
		writable(id, user);
		people.resolve("personId", personId, user.scope());
		if (!db.fetchExists(LIAISON_GROUP_MEMBER,
				LIAISON_GROUP_MEMBER.GROUP_ID.eq(id).and(LIAISON_GROUP_MEMBER.PERSON_ID.eq(personId)))) {
			db.insertInto(LIAISON_GROUP_MEMBER, LIAISON_GROUP_MEMBER.GROUP_ID, LIAISON_GROUP_MEMBER.PERSON_ID)
				.values(id, personId)
				.execute();
		}
		return find(id, user.scope());
	}

	@Transactional
	public LiaisonGroupView removeMember(long id, long personId, CurrentUser user) {
		writable(id, user);
		int removed = db.deleteFrom(LIAISON_GROUP_MEMBER)
			.where(LIAISON_GROUP_MEMBER.GROUP_ID.eq(id).and(LIAISON_GROUP_MEMBER.PERSON_ID.eq(personId)))
			.execute();
		if (removed == 0) {
			throw new ReferenceNotFoundException("personId");
		}
		return find(id, user.scope());
	}

	@Transactional
	public LiaisonGroupView addCommunity(long id, String code, CurrentUser user) {
		LiaisonGroupRecord group = writable(id, user);
		RegionView region = regions.byId(group.getRegionId()).orElseThrow();
		RegionView community = community("communityCode", code, region, user);
		if (!db.fetchExists(LIAISON_GROUP_COMMUNITY,
				LIAISON_GROUP_COMMUNITY.GROUP_ID.eq(id).and(LIAISON_GROUP_COMMUNITY.COMMUNITY_ID.eq(community.id())))) {
			insertCommunity(id, community);
		}
		return find(id, user.scope());
	}

	@Transactional
	public LiaisonGroupView removeCommunity(long id, String code, CurrentUser user) {
		writable(id, user);
		RegionView community = regions.byCode(code).orElseThrow(() -> new ReferenceNotFoundException("code"));
		int removed = db.deleteFrom(LIAISON_GROUP_COMMUNITY)
			.where(LIAISON_GROUP_COMMUNITY.GROUP_ID.eq(id).and(LIAISON_GROUP_COMMUNITY.COMMUNITY_ID.eq(community.id())))
			.execute();
		if (removed == 0) {
			throw new ReferenceNotFoundException("code");
		}
		return find(id, user.scope());
	}

	/** Groups formed at or under a region in scope, by path and name. */
	public PageResult<LiaisonGroupView> list(RegionPath regionPath, int page, int size, DataScope scope) {
		PageResult.check(page, size);
		Condition where = scope.regionCondition(LIAISON_GROUP.PATH);
		if (regionPath != null) {
			where = where.and(DataScope.under(LIAISON_GROUP.PATH, regionPath));
		}
		long total = db.fetchCount(LIAISON_GROUP, where);
		return new PageResult<>(views(where, page, size, false), total, page, size);
	}

	/** One group with its members, communities and inspections, or 404 outside scope. */
	public LiaisonGroupView find(long id, DataScope scope) {
		List<LiaisonGroupView> found = views(LIAISON_GROUP.ID.eq(id), 0, 1, true);
		if (found.isEmpty() || !scope.coversRegion(found.get(0).path())) {
			throw new NotFoundException(Messages.text("liaison.what.group", id));
		}
		return found.get(0);
	}

	private LiaisonGroupRecord writable(long id, CurrentUser user) {
		LiaisonGroupRecord group = db.fetchOne(LIAISON_GROUP, LIAISON_GROUP.ID.eq(id));
		if (group == null) {
			throw new NotFoundException(Messages.text("liaison.what.group", id));
		}
		user.requireMayWriteIn(RegionPath.of(group.getPath()), Messages.text("liaison.what.group", id));
		return group;
	}

	/**
	 * The region with this code when it is a village or community under the group's
	 * region; 404 for a code the caller cannot read, 422 otherwise.
	 */
	private RegionView community(String field, String code, RegionView region, CurrentUser user) {
		RegionView community = regions.resolve(field, code, user.scope());
		if (community.level() != RegionLevel.VILLAGE) {
			throw new RuleViolationException(Messages.text("liaison.rule.community-level", community.code(),
					community.name(), Messages.text("level." + community.level())));
		}
		if (!community.path().isWithin(region.path())) {
			throw new RuleViolationException(Messages.text("liaison.rule.outside-region", community.code(),
					community.name(), region.code(), region.name()));
		}
		return community;
	}

	private void insertCommunity(long groupId, RegionView community) {
		db.insertInto(LIAISON_GROUP_COMMUNITY, LIAISON_GROUP_COMMUNITY.GROUP_ID, LIAISON_GROUP_COMMUNITY.COMMUNITY_ID,
				LIAISON_GROUP_COMMUNITY.PATH)
			.values(groupId, community.id(), community.path().value())
			.execute();
	}

	/**
	 * Views of groups: leaders', members' and communities' names in one lookup per kind
	 * (unscoped: the groups were already filtered by scope).
	 */
	private List<LiaisonGroupView> views(Condition where, int page, int size, boolean withInspections) {
		List<LiaisonGroupRecord> rows = db.selectFrom(LIAISON_GROUP)
			.where(where)
			.orderBy(LIAISON_GROUP.PATH, LIAISON_GROUP.NAME, LIAISON_GROUP.ID)
			.limit(size)
			.offset((long) page * size)
			.fetch();
		if (rows.isEmpty()) {
			return List.of();
		}
		List<Long> ids = rows.stream().map(LiaisonGroupRecord::getId).toList();
		var memberRows = db.select(LIAISON_GROUP_MEMBER.GROUP_ID, LIAISON_GROUP_MEMBER.PERSON_ID)
			.from(LIAISON_GROUP_MEMBER)
			.where(LIAISON_GROUP_MEMBER.GROUP_ID.in(ids))
			.orderBy(LIAISON_GROUP_MEMBER.PERSON_ID)
			.fetch();
		var communityRows = db.select(LIAISON_GROUP_COMMUNITY.GROUP_ID, LIAISON_GROUP_COMMUNITY.COMMUNITY_ID)
			.from(LIAISON_GROUP_COMMUNITY)
			.where(LIAISON_GROUP_COMMUNITY.GROUP_ID.in(ids))
			.fetch();
		Set<Long> personIds = new HashSet<>(memberRows.getValues(LIAISON_GROUP_MEMBER.PERSON_ID));
		rows.forEach(r -> personIds.add(r.getLeaderId()));
		Map<Long, String> names = people.names(personIds);
		Set<Long> regionIds = new HashSet<>(communityRows.getValues(LIAISON_GROUP_COMMUNITY.COMMUNITY_ID));
		rows.forEach(r -> regionIds.add(r.getRegionId()));
		Map<Long, RegionView> places = regions.views(regionIds);
		Map<Long, List<PairingPerson>> members = new LinkedHashMap<>();
		memberRows.forEach(r -> members.computeIfAbsent(r.value1(), k -> new ArrayList<>())
			.add(new PairingPerson(r.value2(), names.get(r.value2()))));
		Map<Long, List<LiaisonGroupView.Community>> communities = new LinkedHashMap<>();
		communityRows.stream()
			.map(r -> Map.entry(r.value1(), places.get(r.value2())))
			.sorted(Comparator.comparing(e -> e.getValue().code()))
			.forEach(e -> communities.computeIfAbsent(e.getKey(), k -> new ArrayList<>())
				.add(new LiaisonGroupView.Community(e.getValue().id(), e.getValue().code(), e.getValue().name(),
						e.getValue().path())));
		Map<Long, List<LiaisonGroupView.Inspection>> inspections = withInspections ? groupInspections.of(ids)
				: Map.of();
		return rows.stream().map(r -> {
			RegionView region = places.get(r.getRegionId());
			return new LiaisonGroupView(r.getId(), r.getName(),
					new PairingPerson(r.getLeaderId(), names.get(r.getLeaderId())), region.code(), region.name(),
					RegionPath.of(r.getPath()), List.copyOf(members.getOrDefault(r.getId(), List.of())),
					List.copyOf(communities.getOrDefault(r.getId(), List.of())),
					List.copyOf(inspections.getOrDefault(r.getId(), List.of())));
		}).toList();
	}

	/**
	 * The path of a group, empty when there is none (unscoped: the caller checks it
	 * against the scope).
	 */
	public java.util.Optional<RegionPath> path(long id) {
		return db.select(LIAISON_GROUP.PATH)
			.from(LIAISON_GROUP)
			.where(LIAISON_GROUP.ID.eq(id))
			.fetchOptional(LIAISON_GROUP.PATH)
			.map(RegionPath::of);
	}

	/** True when the group answers for this community. */
	public boolean answersFor(long id, long communityId) {
		return db.fetchExists(LIAISON_GROUP_COMMUNITY,
				LIAISON_GROUP_COMMUNITY.GROUP_ID.eq(id).and(LIAISON_GROUP_COMMUNITY.COMMUNITY_ID.eq(communityId)));
	}

}

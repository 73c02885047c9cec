package cn.huoxian.liaison;

import static cn.huoxian.db.Tables.PAIRING;
import static cn.huoxian.db.Tables.PAIRING_LOG;
import static cn.huoxian.db.Tables.PAIRING_TEAM_MEMBER;
import static cn.huoxian.db.Tables.SHORTAGE;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import cn.huoxian.db.tables.records.PairingRecord;
import cn.huoxian.org.RegionLevel;
import cn.huoxian.org.RegionView;
import cn.huoxian.org.Regions;
import cn.huoxian.org.UnitView;
import cn.huoxian.org.Units;
import cn.huoxian.people.CadreRank;
import cn.huoxian.people.People;
import cn.huoxian.people.RoleChecks;
import cn.huoxian.shared.BusinessDay;
import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.DataScope;
import cn.huoxian.shared.Forms;
import cn.huoxian.shared.InvalidInputException;
import cn.huoxian.shared.Messages;
import cn.huoxian.shared.NotFoundException;
import cn.huoxian.shared.PageResult;
import cn.huoxian.shared.ReferenceNotFoundException;
import cn.huoxian.shared.RegionPath;
import cn.huoxian.shared.RuleViolationException;
import cn.huoxian.shared.Text;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Unit ↔ community pairings with the five elements (五个一): one liaison leader of county
 * rank (县处级), one work team, one work plan (text or file), one ledger (the running log)
 * and one responsible person of township rank (乡科级). One pairing per community. A pairing
 * is visible to users whose regions cover the community (or who work inside it) and to
 * the paired unit's staff.
 */
@Service
public class Pairings {

	/** The largest work-plan file accepted: 5 MB. */
	public static final long MAX_FILE_BYTES = 5L * 1024 * 1024;

	/**
	 * The work-plan file types accepted, by extension, with the type they are served as.
	 */
	public static final Map<String, String> FILE_TYPES = Map.of("pdf", "application/pdf", "doc", "application/msword",
			"docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "xls",
			"application/vnd.ms-excel", "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
			"txt", "text/plain", "jpg", "image/jpeg", "jpeg", "image/jpeg", "png", "image/png");

	static final Condition HAS_TEAM = DSL
		.exists(DSL.selectOne().from(PAIRING_TEAM_MEMBER).where(PAIRING_TEAM_MEMBER.PAIRING_ID.eq(PAIRING.ID)));

	static final Condition HAS_LEDGER = DSL
		.exists(DSL.selectOne().from(PAIRING_LOG).where(PAIRING_LOG.PAIRING_ID.eq(PAIRING.ID)));

	static final Condition HAS_PLAN = PAIRING.WORK_PLAN.isNotNull().or(PAIRING.WORK_PLAN_FILE_NAME.isNotNull());

	/** All five elements present. */
	static final Condition COMPLETE = PAIRING.LIAISON_LEADER_ID.isNotNull()
		.and(PAIRING.RESPONSIBLE_PERSON_ID.isNotNull())
		.and(HAS_PLAN)
		.and(HAS_TEAM)
		.and(HAS_LEDGER);

	private static final Field<Integer> LEDGER_ENTRIES = DSL
		.field(DSL.selectCount().from(PAIRING_LOG).where(PAIRING_LOG.PAIRING_ID.eq(PAIRING.ID)))
		.as("ledger_entries");

	private static final Field<Integer> TEAM_SIZE = DSL
		.field(DSL.selectCount().from(PAIRING_TEAM_MEMBER).where(PAIRING_TEAM_MEMBER.PAIRING_ID.eq(PAIRING.ID)))
		.as("team_size");

	private static final Field<Integer> OPEN_SHORTAGES = DSL
		.field(DSL.selectCount()
			.from(SHORTAGE)
			.where(SHORTAGE.PAIRING_ID.eq(PAIRING.ID).and(SHORTAGE.STATUS.ne("RESOLVED"))))
		.as("open_shortages");

	private static final Field<Integer> RESOLVED_SHORTAGES = DSL
		.field(DSL.selectCount()
			.from(SHORTAGE)
			.where(SHORTAGE.PAIRING_ID.eq(PAIRING.ID).and(SHORTAGE.STATUS.eq("RESOLVED"))))
		.as("resolved_shortages");

	private final DSLContext db;

	private final Regions regions;

	private final Units units;

	private final People people;

	private final RoleChecks roles;

	private final Clock clock;

	private final PairingNames names;

	private final Forms forms;

	Pairings(DSLContext db, Regions regions, Units units, People people, RoleChecks roles, Clock clock,
			PairingNames names, Forms forms) {
		this.names = names;
		this.db = db;
		this.regions = regions;
		this.units = units;
		this.people = people;
		this.roles = roles;
		this.clock = clock;
		this.forms = forms;
	}

	// ---- visibility

	/**
	 * Pairings the scope may read: the community lies in one of its regions, or the
	 * user's region lies inside the community (a grid worker of it), or the unit is the
	 * user's.
	 */
	public static Condition visible(DataScope scope) {
		Condition inside = ancestors(scope).isEmpty() ? DSL.falseCondition() : PAIRING.PATH.in(ancestors(scope));
		return scope.regionCondition(PAIRING.PATH).or(scope.unitCondition(PAIRING.UNIT_ID)).or(inside);
	}

	static boolean visible(RegionPath path, long unitId, DataScope scope) {
		return scope.coversRegion(path) || scope.coversUnit(unitId) || ancestors(scope).contains(path.value());
	}

	/**
	 * The paths above each of the scope's region roots (a grid's village, township...).
	 */
	static List<String> ancestors(DataScope scope) {
		List<String> paths = new ArrayList<>();
		for (RegionPath root : scope.regions()) {
			String value = root.value();
			for (int i = value.indexOf('/', 1); i > 0 && i < value.length() - 1; i = value.indexOf('/', i + 1)) {
				paths.add(value.substring(0, i + 1));
			}
		}
		return paths;
	}

	/**
	 * 403 unless region staff in scope of the community, or someone working inside it.
	 */
	static void requireCommunity(CurrentUser user, RegionPath path, String what) {
		if (ancestors(user.scope()).contains(path.value())) {
			user.requirePeopleEditor();
			return;
		}
		user.requireMayWriteIn(path, what);
	}

	// ---- create, change, remove

	@Transactional
	public PairingView create(PairingForm form, CurrentUser user) {
		user.requirePeopleEditor();
		forms.check(form);
		LocalDate today = BusinessDay.today(clock);
		// every reference through the caller's scope, before any rule about it
		UnitView unit = units.resolveCode("unitCode", form.unitCode(), user.scope());
		RegionView community = regions.resolve("communityCode", form.communityCode(), user.scope());
		if (form.liaisonLeaderId() != null) {
			people.resolve("liaisonLeaderId", form.liaisonLeaderId(), user.scope());
		}
		if (form.responsiblePersonId() != null) {
			people.resolve("responsiblePersonId", form.responsiblePersonId(), user.scope());
		}
		people.resolveAll("teamMemberIds", form.teamOrEmpty(), user.scope());
		user.requireMayWriteIn(community.path(), Messages.text("pairing.what.community", community.code()));
		if (community.level() != RegionLevel.VILLAGE) {
			throw new RuleViolationException(Messages.text("pairing.rule.community-level", community.code(),
					community.name(), Messages.text("level." + community.level())));
		}
		Long pairedUnit = db.select(PAIRING.UNIT_ID)
			.from(PAIRING)
			.where(PAIRING.COMMUNITY_ID.eq(community.id()))
			.fetchOne(PAIRING.UNIT_ID);
		if (pairedUnit != null) {
			UnitView existing = units.fetch(pairedUnit).orElseThrow();
			// a unit the caller cannot read is not named
			boolean readable = user.scope().coversRegion(existing.path()) || user.scope().coversUnit(existing.id());
			throw new RuleViolationException(readable
					? Messages.text("pairing.rule.paired-with", community.code(), community.name(), existing.name(),
							existing.code())
					: Messages.text("pairing.rule.paired", community.code(), community.name()));
		}
		if (form.liaisonLeaderId() != null) {
			requireRank("liaisonLeaderId", form.liaisonLeaderId(), CadreRank.COUNTY);
		}
		if (form.responsiblePersonId() != null) {
			requireRank("responsiblePersonId", form.responsiblePersonId(), CadreRank.TOWNSHIP);
		}
		PairingRecord record = db.newRecord(PAIRING);
		record.setUnitId(unit.id());
		record.setCommunityId(community.id());
		record.setPath(community.path().value());
		record.setLiaisonLeaderId(form.liaisonLeaderId());
		record.setResponsiblePersonId(form.responsiblePersonId());
		record.setWorkPlan(Text.orNull(form.workPlan()));
		record.setStartedOn(form.startedOn() == null ? today : form.startedOn());
		record.setCreatedBy(user.username());
		try {
			record.store();
		}
		catch (org.springframework.dao.DataIntegrityViolationException ex) {
			// paired by someone else a moment ago (uq_pairing_community)
			throw new RuleViolationException(Messages.text("pairing.rule.paired", community.code(), community.name()));
		}
		for (Long member : form.teamOrEmpty().stream().distinct().toList()) {
			db.insertInto(PAIRING_TEAM_MEMBER, PAIRING_TEAM_MEMBER.PAIRING_ID, PAIRING_TEAM_MEMBER.PERSON_ID)
				.values(record.getId(), member)
				.execute();
		}
		return find(record.getId(), user.scope());
	}

	/**
	 * Changes the parts given: the liaison leader and responsible person (region staff,
	 * ranks checked), the work plan's text (region staff or the unit's staff).
	 */
	@Transactional
	public PairingView change(long id, PairingChange change, CurrentUser user) {
		PairingRecord pairing = raw(id);
		String what = Messages.text("pairing.what.pairing", id);
		Map<Field<?>, Object> updates = new LinkedHashMap<>();
		if (change.liaisonLeaderGiven() || change.responsiblePersonGiven()) {
			user.requireMayWriteIn(RegionPath.of(pairing.getPath()), what);
		}
		else {
			user.requireMayWriteInOrForUnit(RegionPath.of(pairing.getPath()), pairing.getUnitId(), what);
		}
		forms.check(change);
		if (change.workPlanGiven()) {
			updates.put(PAIRING.WORK_PLAN, Text.orNull(change.workPlan()));
		}
		if (change.liaisonLeaderGiven()) {
			if (change.liaisonLeaderId() != null) {
				people.resolve("liaisonLeaderId", change.liaisonLeaderId(), user.scope());
				requireRank("liaisonLeaderId", change.liaisonLeaderId(), CadreRank.COUNTY);
			}
			updates.put(PAIRING.LIAISON_LEADER_ID, change.liaisonLeaderId());
		}
		if (change.responsiblePersonGiven()) {
			if (change.responsiblePersonId() != null) {
				people.resolve("responsiblePersonId", change.responsiblePersonId(), user.scope());
				requireRank("responsiblePersonId", change.responsiblePersonId(), CadreRank.TOWNSHIP);
			}
			updates.put(PAIRING.RESPONSIBLE_PERSON_ID, change.responsiblePersonId());
		}
		if (!updates.isEmpty()) {
			db.update(PAIRING).set(updates).where(PAIRING.ID.eq(id)).execute();
		}
		return find(id, user.scope());
	}

	/** Ends a pairing with its team, ledger and shortages (region staff). */
	@Transactional
	public void remove(long id, CurrentUser user) {
		PairingRecord pairing = raw(id);
		user.requireMayWriteIn(RegionPath.of(pairing.getPath()), Messages.text("pairing.what.pairing", id));
		db.deleteFrom(SHORTAGE).where(SHORTAGE.PAIRING_ID.eq(id)).execute();
		db.deleteFrom(PAIRING_LOG).where(PAIRING_LOG.PAIRING_ID.eq(id)).execute();
		db.deleteFrom(PAIRING_TEAM_MEMBER).where(PAIRING_TEAM_MEMBER.PAIRING_ID.eq(id)).execute();
		db.deleteFrom(PAIRING).where(PAIRING.ID.eq(id)).execute();
	}

	@Transactional
	public PairingView addTeamMember(long id, Long personId, CurrentUser user) {
		PairingRecord pairing = raw(id);
		user.requireMayWriteInOrForUnit(RegionPath.of(pairing.getPath()), pairing.getUnitId(),
				Messages.text("pairing.what.pairing", id));
		people.resolve("personId", personId, user.scope());
		boolean already = db.fetchExists(PAIRING_TEAM_MEMBER,
				PAIRING_TEAM_MEMBER.PAIRING_ID.eq(id).and(PAIRING_TEAM_MEMBER.PERSON_ID.eq(personId)));
		if (!already) {
			db.insertInto(PAIRING_TEAM_MEMBER, PAIRING_TEAM_MEMBER.PAIRING_ID, PAIRING_TEAM_MEMBER.PERSON_ID)
				.values(id, personId)
				.execute();
		}
		return find(id, user.scope());
	}

	@Transactional
	public PairingView removeTeamMember(long id, long personId, CurrentUser user) {
		PairingRecord pairing = raw(id);
		user.requireMayWriteInOrForUnit(RegionPath.of(pairing.getPath()), pairing.getUnitId(),
				Messages.text("pairing.what.pairing", id));
		int removed = db.deleteFrom(PAIRING_TEAM_MEMBER)
			.where(PAIRING_TEAM_MEMBER.PAIRING_ID.eq(id).and(PAIRING_TEAM_MEMBER.PERSON_ID.eq(personId)))
			.execute();
		if (removed == 0) {
			throw new ReferenceNotFoundException("personId");
		}
		return find(id, user.scope());
	}

	// ---- work plan file

	/** A stored work-plan file. */
	public record PlanFile(String name, String type, byte[] content) {
	}

	@Transactional
	public PairingView attachPlan(long id, String fileName, byte[] content, CurrentUser user) {
		PairingRecord pairing = raw(id);
		user.requireMayWriteInOrForUnit(RegionPath.of(pairing.getPath()), pairing.getUnitId(),
				Messages.text("pairing.what.pairing", id));
		String name = fileName == null ? "" : fileName.replace('\\', '/');
		name = name.substring(name.lastIndexOf('/') + 1).strip();
		if (content == null || content.length == 0 || name.isEmpty()) {
			throw new InvalidInputException("file", Messages.text("pairing.field.attach-file"));
		}
		if (content.length > MAX_FILE_BYTES) {
			throw new InvalidInputException("file", Messages.text("pairing.field.file-too-large"));
		}
		int dot = name.lastIndexOf('.');
		String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
		String type = FILE_TYPES.get(extension);
		if (type == null) {
			throw new InvalidInputException("file", Messages.text("pairing.field.file-type"));
		}
		if (name.length() > 200) {
			name = name.substring(name.length() - 200);
		}
		db.update(PAIRING)
			.set(PAIRING.WORK_PLAN_FILE_NAME, name)
			.set(PAIRING.WORK_PLAN_FILE_TYPE, type)
			.set(PAIRING.WORK_PLAN_FILE, content)
			.where(PAIRING.ID.eq(id))
			.execute();
		return find(id, user.scope());
	}

	public PlanFile planFile(long id, DataScope scope) {
		record(id, scope);
		var row = db.select(PAIRING.WORK_PLAN_FILE_NAME, PAIRING.WORK_PLAN_FILE_TYPE, PAIRING.WORK_PLAN_FILE)
			.from(PAIRING)
			.where(PAIRING.ID.eq(id))
			.fetchOne();
		if (row == null || row.value1() == null || row.value3() == null) {
			throw new NotFoundException(Messages.text("pairing.what.plan-file", id));
		}
		return new PlanFile(row.value1(), row.value2(), row.value3());
	}

	// ---- ledger (running log)

	@Transactional
	public PairingLogEntry log(long id, PairingLogForm form, CurrentUser user) {
		PairingRecord pairing = raw(id);
		user.requireMayWriteInOrForUnit(RegionPath.of(pairing.getPath()), pairing.getUnitId(),
				Messages.text("pairing.what.pairing", id));
		forms.check(form);
		LocalDate today = BusinessDay.today(clock);
		LocalDate day = form.day();
		String entry = form.entry();
		long logId = db.insertInto(PAIRING_LOG)
			.set(PAIRING_LOG.PAIRING_ID, id)
			.set(PAIRING_LOG.BUSINESS_DAY, day == null ? today : day)
			.set(PAIRING_LOG.ENTRY, entry.strip())
			.set(PAIRING_LOG.RECORDED_BY, user.username())
			.returning(PAIRING_LOG.ID)
			.fetchOne(PAIRING_LOG.ID);
		return db.selectFrom(PAIRING_LOG).where(PAIRING_LOG.ID.eq(logId)).fetchOne(Pairings::entry);
	}

	/** The pairing's ledger, newest day first. */
	public List<PairingLogEntry> ledger(long id, DataScope scope) {
		record(id, scope);
		return db.selectFrom(PAIRING_LOG)
			.where(PAIRING_LOG.PAIRING_ID.eq(id))
			.orderBy(PAIRING_LOG.BUSINESS_DAY.desc(), PAIRING_LOG.ID.desc())
			.fetch(Pairings::entry);
	}

	private static PairingLogEntry entry(cn.huoxian.db.tables.records.PairingLogRecord r) {
		return new PairingLogEntry(r.getId(), r.getPairingId(), r.getBusinessDay(), r.getEntry(), r.getRecordedBy(),
				r.getRecordedAt());
	}

	// ---- reads

	public PairingView find(long id, DataScope scope) {
		List<PairingView> found = views(PAIRING.ID.eq(id), 0, 1, true);
		if (found.isEmpty() || !visible(found.get(0).path(), found.get(0).unitId(), scope)) {
			throw new NotFoundException(Messages.text("pairing.what.pairing", id));
		}
		return found.get(0);
	}

	/**
	 * Pairings in scope, optionally under a region path, of one unit, or only those
	 * missing an element; ordered by community.
	 */
	public PageResult<PairingView> list(RegionPath regionPath, Long unitId, boolean incompleteOnly, int page, int size,
			DataScope scope) {
		PageResult.check(page, size);
		Condition where = filter(regionPath, unitId, scope);
		if (incompleteOnly) {
			where = where.and(DSL.not(COMPLETE));
		}
		long total = db.fetchCount(PAIRING, where);
		return new PageResult<>(views(where, page, size, true), total, page, size);
	}

	public PairingSummary summary(RegionPath regionPath, DataScope scope) {
		Condition where = filter(regionPath, null, scope);
		Record counts = db.select(DSL.countDistinct(PAIRING.UNIT_ID), DSL.count(), DSL.count().filterWhere(COMPLETE))
			.from(PAIRING)
			.where(where)
			.fetchOne();
		long units = counts.get(0, Long.class);
		long communities = counts.get(1, Long.class);
		long complete = counts.get(2, Long.class);
		Record shortages = db
			.select(DSL.count().filterWhere(SHORTAGE.STATUS.ne("RESOLVED")),
					DSL.count().filterWhere(SHORTAGE.STATUS.eq("RESOLVED")))
			.from(SHORTAGE)
			.join(PAIRING)
			.on(PAIRING.ID.eq(SHORTAGE.PAIRING_ID))
			.where(where)
			.fetchOne();
		return new PairingSummary(units, communities, complete, communities - complete, shortages.get(0, Long.class),
				shortages.get(1, Long.class));
	}

	static Condition filter(RegionPath regionPath, Long unitId, DataScope scope) {
		Condition where = visible(scope);
		if (regionPath != null) {
			where = where.and(DataScope.under(PAIRING.PATH, regionPath));
		}
		if (unitId != null) {
			where = where.and(PAIRING.UNIT_ID.eq(unitId));
		}
		return where;
	}

	/** The pairing row (without its file) the scope may read, or 404. */
	PairingRecord record(long id, DataScope scope) {
		PairingRecord pairing = raw(id);
		if (!visible(RegionPath.of(pairing.getPath()), pairing.getUnitId(), scope)) {
			throw new NotFoundException(Messages.text("pairing.what.pairing", id));
		}
		return pairing;
	}

	/**
	 * The pairing row (without its file) whatever the scope, or 404 when there is none:
	 * writes check their writers and answer 403 outside the scope.
	 */
	PairingRecord raw(long id) {
		PairingRecord pairing = db
			.select(PAIRING.ID, PAIRING.UNIT_ID, PAIRING.COMMUNITY_ID, PAIRING.PATH, PAIRING.LIAISON_LEADER_ID,
					PAIRING.RESPONSIBLE_PERSON_ID, PAIRING.WORK_PLAN, PAIRING.WORK_PLAN_FILE_NAME,
					PAIRING.WORK_PLAN_FILE_TYPE, PAIRING.STARTED_ON, PAIRING.CREATED_BY, PAIRING.CREATED_AT)
			.from(PAIRING)
			.where(PAIRING.ID.eq(id))
			.fetchOptionalInto(PAIRING)
			.orElse(null);
		if (pairing == null) {
			throw new NotFoundException(Messages.text("pairing.what.pairing", id));
		}
		return pairing;
	}

	private List<PairingView> views(Condition where, int page, int size, boolean withTeam) {
		var rows = db
			.select(PAIRING.ID, PAIRING.UNIT_ID, PAIRING.COMMUNITY_ID, PAIRING.PATH, PAIRING.STARTED_ON,
					PAIRING.LIAISON_LEADER_ID, PAIRING.RESPONSIBLE_PERSON_ID, PAIRING.WORK_PLAN,
					PAIRING.WORK_PLAN_FILE_NAME, PAIRING.WORK_PLAN_FILE_TYPE, LEDGER_ENTRIES, TEAM_SIZE, OPEN_SHORTAGES,
					RESOLVED_SHORTAGES)
			.from(PAIRING)
			.where(where)
			.orderBy(PAIRING.PATH, PAIRING.ID)
			.limit(size)
			.offset((long) page * size)
			.fetch();
		Map<Long, List<Long>> teams = new LinkedHashMap<>();
		List<Long> personIds = new ArrayList<>(rows.getValues(PAIRING.LIAISON_LEADER_ID));
		personIds.addAll(rows.getValues(PAIRING.RESPONSIBLE_PERSON_ID));
		if (withTeam && !rows.isEmpty()) {
			db.select(PAIRING_TEAM_MEMBER.PAIRING_ID, PAIRING_TEAM_MEMBER.PERSON_ID)
				.from(PAIRING_TEAM_MEMBER)
				.where(PAIRING_TEAM_MEMBER.PAIRING_ID.in(rows.getValues(PAIRING.ID)))
				.orderBy(PAIRING_TEAM_MEMBER.PERSON_ID)
				.forEach(r -> teams.computeIfAbsent(r.value1(), k -> new ArrayList<>()).add(r.value2()));
			teams.values().forEach(personIds::addAll);
		}
		PairingNames.Batch named = names.of(rows, r -> r.get(PAIRING.UNIT_ID), r -> r.get(PAIRING.COMMUNITY_ID),
				personIds);
		return rows.map(r -> {
			long ledgerEntries = r.get(LEDGER_ENTRIES);
			int teamSize = r.get(TEAM_SIZE);
			boolean plan = r.get(PAIRING.WORK_PLAN) != null || r.get(PAIRING.WORK_PLAN_FILE_NAME) != null;
			Completeness completeness = Completeness.of(r.get(PAIRING.LIAISON_LEADER_ID) != null, teamSize > 0, plan,
					ledgerEntries > 0, r.get(PAIRING.RESPONSIBLE_PERSON_ID) != null);
			UnitView unit = named.unit(r.get(PAIRING.UNIT_ID));
			RegionView community = named.community(r.get(PAIRING.COMMUNITY_ID));
			List<PairingPerson> team = teams.getOrDefault(r.get(PAIRING.ID), List.of())
				.stream()
				.map(id -> new PairingPerson(id, named.person(id)))
				.toList();
			Long leader = r.get(PAIRING.LIAISON_LEADER_ID);
			Long responsible = r.get(PAIRING.RESPONSIBLE_PERSON_ID);
			return new PairingView(r.get(PAIRING.ID), r.get(PAIRING.UNIT_ID), unit.code(), unit.name(),
					r.get(PAIRING.COMMUNITY_ID), community.code(), community.name(), RegionPath.of(r.get(PAIRING.PATH)),
					r.get(PAIRING.STARTED_ON), person(leader, named.person(leader)),
					person(responsible, named.person(responsible)), team, r.get(PAIRING.WORK_PLAN),
					r.get(PAIRING.WORK_PLAN_FILE_NAME), r.get(PAIRING.WORK_PLAN_FILE_TYPE), ledgerEntries, completeness,
					r.get(OPEN_SHORTAGES), r.get(RESOLVED_SHORTAGES));
		});
	}

	private static PairingPerson person(Long id, String name) {
		return id == null ? null : new PairingPerson(id, name);
	}

	// ---- rules

	/**
	 * 400 when the person is not a cadre; 422 naming the rank found when it is not the
	 * rank the element needs.
	 */
	private void requireRank(String field, long personId, CadreRank needed) {
		CadreRank rank = roles.requireCadre(field, personId);
		if (rank != needed) {
			String found = Messages.text("rank." + rank);
			throw new RuleViolationException(
					needed == CadreRank.COUNTY ? Messages.text("pairing.rule.leader-rank", personId, found)
							: Messages.text("pairing.rule.responsible-rank", personId, found));
		}
	}

	/**
	 * Paired units (distinct) and pairings under the region, in one count: the headline
	 * figures (unscoped: the headline is asked for a region the caller may read).
	 */
	public long[] pairedUnitsAndCommunities(RegionPath regionPath) {
		org.jooq.Record2<Integer, Integer> counts = db.select(DSL.countDistinct(PAIRING.UNIT_ID), DSL.count())
			.from(PAIRING)
			.where(DataScope.under(PAIRING.PATH, regionPath))
			.fetchOne();
		return new long[] { counts.value1().longValue(), counts.value2().longValue() };
	}

	/**
	 * The unit paired with a community (by the community's region id), if any: supplies
	 * allocates from that unit's stock to the community.
	 */
	public java.util.Optional<Long> unitPairedWith(long communityId) {
		return db.select(PAIRING.UNIT_ID)
			.from(PAIRING)
			.where(PAIRING.COMMUNITY_ID.eq(communityId))
			.fetchOptional(PAIRING.UNIT_ID);
	}

	/** The communities (region ids) a unit is paired with. */
	public List<Long> communitiesPairedWith(long unitId) {
		return db.select(PAIRING.COMMUNITY_ID)
			.from(PAIRING)
			.where(PAIRING.UNIT_ID.eq(unitId))
			.orderBy(PAIRING.PATH)
			.fetch(PAIRING.COMMUNITY_ID);
	}

}

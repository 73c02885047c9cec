package cn.huoxian.volunteer;

import static cn.huoxian.db.Tables.VOLUNTEER_CLAIM;
import static cn.huoxian.db.Tables.VOLUNTEER_NEED;
import static cn.huoxian.db.Tables.VOLUNTEER_REGISTRATION;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import cn.huoxian.db.tables.records.VolunteerRegistrationRecord;
import cn.huoxian.org.RegionView;
import cn.huoxian.org.UnitView;
import cn.huoxian.org.Units;
import cn.huoxian.people.People;
import cn.huoxian.shared.BusinessDay;
import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.ForbiddenException;
import cn.huoxian.shared.InvalidInputException;
import cn.huoxian.shared.Messages;
import cn.huoxian.shared.PageResult;
import cn.huoxian.shared.RegionPath;
import jakarta.annotation.Nullable;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The service record read back: a unit's in-service party members with their confirmed
 * hours by kind (and those not registered anywhere), a community's registered members
 * with what they did there, and the community's service ledger.
 */
@Service
public class ServiceRecords {

	/** The most members a unit's page lists: a city unit's staff, with room. */
	static final int MAX_MEMBERS = 5_000;

	/** The longest period read at once. */
	static final int MAX_DAYS = 731;

	private final DSLContext db;

	private final Units units;

	private final People people;

	private final Communities communities;

	private final UnitReports unitReports;

	private final Clock clock;

	ServiceRecords(DSLContext db, Units units, People people, Communities communities, UnitReports unitReports,
			Clock clock) {
		this.db = db;
		this.units = units;
		this.people = people;
		this.communities = communities;
		this.unitReports = unitReports;
		this.clock = clock;
	}

	/** A period of service days, both ends included. */
	public record ServicePeriod(LocalDate from, LocalDate to) {
	}

	public record MemberHours(long personId, String name, @Nullable String communityName, @Nullable LocalDate expiresOn,
			boolean registered, Map<ServiceKind, BigDecimal> byKind, BigDecimal total) {
	}

	public record UnitHours(long unitId, String unitName, ServicePeriod period, List<MemberHours> members,
			long registered, long notRegistered, Map<ServiceKind, BigDecimal> totals, BigDecimal total) {
	}

	/**
	 * The period asked, or the last six months (one registration's length) to today; 400
	 * when it runs backwards or is longer than two years.
	 */
	public ServicePeriod period(@Nullable LocalDate from, @Nullable LocalDate to) {
		LocalDate end = to == null ? BusinessDay.today(clock) : to;
		LocalDate start = from == null ? end.minus(Registrations.VALID).plusDays(1) : from;
		if (start.isAfter(end)) {
			throw new InvalidInputException("from", Messages.text("volunteer.problem.period"));
		}
		if (ChronoUnit.DAYS.between(start, end) > MAX_DAYS) {
			throw new InvalidInputException("to", Messages.text("volunteer.problem.period-long", MAX_DAYS));
		}
		return new ServicePeriod(start, end);
	}

	/**
	 * A unit's in-service party members, registered or not, with their confirmed hours by
	 * kind in the period; read by the unit's staff and those overseeing its region.
	 */
	@Transactional(readOnly = true)
	public UnitHours unit(@Nullable Long unitId, ServicePeriod period, boolean unregisteredOnly, CurrentUser user) {
		UnitView unit = units.resolve("unitId", unitId, user.scope());
		if (!user.isUnitStaffFor(unit.id()) && !user.overseesRegions()) {
			throw new ForbiddenException(Messages.text("volunteer.problem.unit-reader", user.role().label()));
		}
		List<People.InServiceMember> members = people.inServiceMembers(unit.id(), unit.partyOrganisationId(),
				MAX_MEMBERS);
		LocalDate today = BusinessDay.today(clock);
		Map<Long, VolunteerRegistrationRecord> registered = members.isEmpty() ? Map.of()
				: db.selectFrom(VOLUNTEER_REGISTRATION)
					.where(VOLUNTEER_REGISTRATION.PERSON_ID
						.in(members.stream().map(People.InServiceMember::id).toList()))
					.fetchMap(VOLUNTEER_REGISTRATION.PERSON_ID);
		Map<Long, Map<ServiceKind, Long>> minutes = new HashMap<>();
		var sum = DSL.sum(VOLUNTEER_CLAIM.MINUTES);
		db.select(VOLUNTEER_CLAIM.PERSON_ID, VOLUNTEER_NEED.KIND, sum)
			.from(VOLUNTEER_CLAIM)
			.join(VOLUNTEER_NEED)
			.on(VOLUNTEER_NEED.ID.eq(VOLUNTEER_CLAIM.NEED_ID))
			.where(VOLUNTEER_CLAIM.UNIT_ID.eq(unit.id()), VOLUNTEER_CLAIM.STATUS.eq(ClaimStatus.CONFIRMED.name()),
					VOLUNTEER_NEED.SERVICE_DAY.between(period.from(), period.to()))
			.groupBy(VOLUNTEER_CLAIM.PERSON_ID, VOLUNTEER_NEED.KIND)
			.forEach(r -> minutes.computeIfAbsent(r.value1(), k -> new EnumMap<>(ServiceKind.class))
				.put(ServiceKind.valueOf(r.value2()), r.value3().longValue()));
		Map<String, String> communityNames = new HashMap<>();
		List<MemberHours> rows = new ArrayList<>();
		long registeredCount = 0;
		Map<ServiceKind, Long> totals = new EnumMap<>(ServiceKind.class);
		for (People.InServiceMember m : members) {
			VolunteerRegistrationRecord r = registered.get(m.id());
			boolean active = r != null && r.getExpiresOn().isAfter(today);
			registeredCount += active ? 1 : 0;
			Map<ServiceKind, Long> own = minutes.getOrDefault(m.id(), Map.of());
			own.forEach((k, v) -> totals.merge(k, v, Long::sum));
			if (unregisteredOnly && active) {
				continue;
			}
			String community = r == null ? null
					: communityNames.computeIfAbsent(r.getCommunityPath(), p -> communities.name(RegionPath.of(p)));
			rows.add(new MemberHours(m.id(), m.name(), community, r == null ? null : r.getExpiresOn(), active,
					hours(own), Hours.of(own.values().stream().mapToLong(Long::longValue).sum())));
		}
		return new UnitHours(unit.id(), unit.name(), period, rows, registeredCount, members.size() - registeredCount,
				hours(totals), Hours.of(totals.values().stream().mapToLong(Long::longValue).sum()));
	}

	private static Map<ServiceKind, BigDecimal> hours(Map<ServiceKind, Long> minutes) {
		Map<ServiceKind, BigDecimal> hours = new EnumMap<>(ServiceKind.class);
		minutes.forEach((k, v) -> hours.put(k, Hours.of(v)));
		return hours;
	}

	/** A member registered with a community, and what they did there in the period. */
	public record Server(long personId, String name, @Nullable String unitName, LocalDate registeredOn,
			LocalDate expiresOn, boolean active, int services, BigDecimal hours) {
	}

	public record CommunityService(String code, String name, ServicePeriod period, PageResult<Server> members,
			List<UnitReports.UnitReportView> units, BigDecimal hours) {
	}

	/**
	 * Who serves a community the caller's scope covers: its registered members (active
	 * first, by name) with their confirmed services and hours in the period, and the
	 * units reported in.
	 */
	@Transactional(readOnly = true)
	public CommunityService community(@Nullable String code, ServicePeriod period, int page, int size,
			CurrentUser user) {
		PageResult.check(page, size);
		RegionView community = readable(code, user);
		var reg = VOLUNTEER_REGISTRATION;
		var where = reg.COMMUNITY_PATH.eq(community.path().value());
		long total = db.fetchCount(reg, where);
		LocalDate today = BusinessDay.today(clock);
		List<VolunteerRegistrationRecord> rows = db.selectFrom(reg)
			.where(where)
			.orderBy(DSL.when(reg.EXPIRES_ON.gt(today), 0).otherwise(1), People.nameOf(reg.PERSON_ID), reg.ID)
			.limit(size)
			.offset(page * size)
			.fetch();
		Set<Long> ids = rows.stream().map(VolunteerRegistrationRecord::getPersonId).collect(Collectors.toSet());
		Map<Long, long[]> served = new HashMap<>();
		if (!ids.isEmpty()) {
			db.select(VOLUNTEER_CLAIM.PERSON_ID, DSL.count(), DSL.sum(VOLUNTEER_CLAIM.MINUTES))
				.from(VOLUNTEER_CLAIM)
				.join(VOLUNTEER_NEED)
				.on(VOLUNTEER_NEED.ID.eq(VOLUNTEER_CLAIM.NEED_ID))
				.where(VOLUNTEER_CLAIM.PERSON_ID.in(ids), VOLUNTEER_CLAIM.STATUS.eq(ClaimStatus.CONFIRMED.name()),
						VOLUNTEER_NEED.COMMUNITY_PATH.eq(community.path().value()),
						VOLUNTEER_NEED.SERVICE_DAY.between(period.from(), period.to()))
				.groupBy(VOLUNTEER_CLAIM.PERSON_ID)
				.forEach(r -> served.put(r.value1(), new long[] { r.value2(), r.value3().longValue() }));
		}
		Map<Long, String> names = people.names(ids);
		Map<Long, String> unitNames = units.names(rows.stream()
			.map(VolunteerRegistrationRecord::getUnitId)
			.filter(java.util.Objects::nonNull)
			.collect(Collectors.toSet()));
		List<Server> servers = rows.stream().map(r -> {
			long[] s = served.getOrDefault(r.getPersonId(), new long[2]);
			return new Server(r.getPersonId(), names.getOrDefault(r.getPersonId(), ""),
					r.getUnitId() == null ? null : unitNames.get(r.getUnitId()), r.getRegisteredOn(), r.getExpiresOn(),
					r.getExpiresOn().isAfter(today), (int) s[0], Hours.of(s[1]));
		}).toList();
		Long minutes = db.select(DSL.sum(VOLUNTEER_CLAIM.MINUTES))
			.from(VOLUNTEER_CLAIM)
			.join(VOLUNTEER_NEED)
			.on(VOLUNTEER_NEED.ID.eq(VOLUNTEER_CLAIM.NEED_ID))
			.where(VOLUNTEER_CLAIM.STATUS.eq(ClaimStatus.CONFIRMED.name()),
					VOLUNTEER_NEED.COMMUNITY_PATH.eq(community.path().value()),
					VOLUNTEER_NEED.SERVICE_DAY.between(period.from(), period.to()))
			.fetchOptional(0, Long.class)
			.orElse(0L);
		return new CommunityService(community.code(), community.name(), period,
				new PageResult<>(servers, total, page, size), unitReports.ofCommunity(community.code(), user),
				Hours.of(minutes == null ? 0 : minutes));
	}

	/** One line of a community's service ledger: a claim on a need that has started. */
	public record LedgerLine(LocalDate day, String slot, ServiceKind kind, String title, String name,
			@Nullable String unitName, ClaimStatus status, @Nullable BigDecimal hours, @Nullable String confirmedBy) {
	}

	public record CommunityLedger(String code, String name, ServicePeriod period, List<LedgerLine> lines) {
	}

	/**
	 * A community's service ledger for a period: every claim on the needs started, by
	 * start.
	 */
	@Transactional(readOnly = true)
	public CommunityLedger ledger(@Nullable String code, ServicePeriod period, CurrentUser user) {
		RegionView community = readable(code, user);
		var rows = db
			.select(VOLUNTEER_NEED.SERVICE_DAY, VOLUNTEER_NEED.STARTS_AT, VOLUNTEER_NEED.ENDS_AT, VOLUNTEER_NEED.KIND,
					VOLUNTEER_NEED.TITLE, VOLUNTEER_CLAIM.PERSON_ID, VOLUNTEER_CLAIM.UNIT_ID, VOLUNTEER_CLAIM.STATUS,
					VOLUNTEER_CLAIM.MINUTES, VOLUNTEER_CLAIM.CONFIRMED_BY)
			.from(VOLUNTEER_NEED)
			.join(VOLUNTEER_CLAIM)
			.on(VOLUNTEER_CLAIM.NEED_ID.eq(VOLUNTEER_NEED.ID))
			.where(VOLUNTEER_NEED.COMMUNITY_PATH.eq(community.path().value()),
					VOLUNTEER_NEED.SERVICE_DAY.between(period.from(), period.to()),
					VOLUNTEER_NEED.STARTS_AT.le(OffsetDateTime.now(clock)),
					VOLUNTEER_CLAIM.STATUS.ne(ClaimStatus.WITHDRAWN.name()))
			.orderBy(VOLUNTEER_NEED.STARTS_AT, VOLUNTEER_NEED.ID, VOLUNTEER_CLAIM.ID)
			.limit(100_000)
			.fetch();
		Map<Long, String> names = people.names(rows.getValues(VOLUNTEER_CLAIM.PERSON_ID));
		Map<Long, String> unitNames = units.names(rows.getValues(VOLUNTEER_CLAIM.UNIT_ID)
			.stream()
			.filter(java.util.Objects::nonNull)
			.collect(Collectors.toSet()));
		List<LedgerLine> lines = rows.stream()
			.map(r -> new LedgerLine(r.value1(), Needs.slot(r.value2(), r.value3()), ServiceKind.valueOf(r.value4()),
					r.value5(), names.getOrDefault(r.value6(), ""),
					r.value7() == null ? null : unitNames.get(r.value7()), ClaimStatus.valueOf(r.value8()),
					r.value9() == null ? null : Hours.of(r.value9()), r.value10()))
			.toList();
		return new CommunityLedger(community.code(), community.name(), period, lines);
	}

	/**
	 * A community the caller's scope covers, for those who oversee (not a member's
	 * self-service).
	 */
	private RegionView readable(@Nullable String code, CurrentUser user) {
		RegionView community = communities.resolve("community", code, user.scope());
		if (!user.overseesRegions()) {
			throw new ForbiddenException(Messages.text("volunteer.problem.community-reader", user.role().label()));
		}
		return community;
	}

	/**
	 * Keeps the insertion order of a kind-keyed map for the pages: every kind, zero when
	 * none.
	 */
	public static Map<ServiceKind, BigDecimal> everyKind(Map<ServiceKind, BigDecimal> hours) {
		Map<ServiceKind, BigDecimal> all = new LinkedHashMap<>();
		for (ServiceKind kind : ServiceKind.values()) {
			all.put(kind, hours.getOrDefault(kind, BigDecimal.ZERO));
		}
		return all;
	}

}

package cn.huoxian.volunteer;

import static cn.huoxian.db.Tables.VOLUNTEER_CLAIM;
import static cn.huoxian.db.Tables.VOLUNTEER_NEED;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import cn.huoxian.db.tables.records.VolunteerNeedRecord;
import cn.huoxian.db.tables.records.VolunteerRegistrationRecord;
import cn.huoxian.org.RegionView;
import cn.huoxian.shared.BusinessDay;
import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.DataScope;
import cn.huoxian.shared.InvalidInputException;
import cn.huoxian.shared.InvalidInputException.FieldProblem;
import cn.huoxian.shared.Messages;
import cn.huoxian.shared.PageResult;
import cn.huoxian.shared.ReferenceNotFoundException;
import cn.huoxian.shared.RegionPath;
import cn.huoxian.shared.RuleViolationException;
import jakarta.annotation.Nullable;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a community asks its registered members for (需求): one of the eight kinds of work,
 * a time slot, how many people. Published and cancelled by the community's staff; read by
 * them and by the members registered with the community.
 */
@Service("volunteerNeeds")
public class Needs {

	static final int MAX_PEOPLE = 200;

	/** How far ahead a need may be published. */
	static final Duration AHEAD = Duration.ofDays(60);

	/** How far back a need may be recorded (work done before it was entered). */
	static final Duration BACK = Duration.ofDays(7);

	/** The longest slot. */
	static final Duration LONGEST = Duration.ofHours(24);

	private final DSLContext db;

	private final Communities communities;

	private final Registrations registrations;

	private final Clock clock;

	Needs(DSLContext db, Communities communities, Registrations registrations, Clock clock) {
		this.db = db;
		this.communities = communities;
		this.registrations = registrations;
		this.clock = clock;
	}

	public record ServiceNeedForm(@Nullable String communityCode, @Nullable String kind, @Nullable String title,
			@Nullable String place, @Nullable OffsetDateTime startsAt, @Nullable OffsetDateTime endsAt,
			@Nullable Integer people) {
	}

	public record ServiceNeed(long id, String communityCode, String communityName, ServiceKind kind, String title,
			@Nullable String place, OffsetDateTime startsAt, OffsetDateTime endsAt, LocalDate day, String slot,
			int people, int taken, boolean cancelled, boolean started) {

		/** Places still free. */
		@com.fasterxml.jackson.annotation.JsonProperty
		public int free() {
			return cancelled ? 0 : people - taken;
		}

		/** Members may still claim it. */
		@com.fasterxml.jackson.annotation.JsonProperty
		public boolean claimable() {
			return !cancelled && !started && taken < people;
		}

		/** Its length in hours, one decimal: what a confirmation offers by default. */
		@com.fasterxml.jackson.annotation.JsonProperty
		public java.math.BigDecimal hours() {
			return Hours.of((int) Duration.between(startsAt, endsAt).toMinutes());
		}

	}

	/** Publishes a need in a community the caller works for. */
	@Transactional
	public ServiceNeed publish(ServiceNeedForm form, CurrentUser user) {
		RegionView community = communities.resolve("communityCode", form.communityCode(), user.scope());
		Communities.requireStaffOf(user, community.path());
		List<FieldProblem> problems = new ArrayList<>();
		ServiceKind kind = null;
		try {
			kind = ServiceKind.valueOf(form.kind() == null ? "" : form.kind().strip());
		}
		catch (IllegalArgumentException ex) {
			problems.add(new FieldProblem("kind", Messages.text("volunteer.problem.kind")));
		}
		String title = form.title() == null ? "" : form.title().strip();
		if (title.isEmpty()) {
			problems.add(new FieldProblem("title", Messages.text("problem.required")));
		}
		else if (title.length() > 100) {
			problems.add(new FieldProblem("title", Messages.text("problem.field.too-long", 100)));
		}
		String place = form.place() == null || form.place().isBlank() ? null : form.place().strip();
		if (place != null && place.length() > 200) {
			problems.add(new FieldProblem("place", Messages.text("problem.field.too-long", 200)));
		}
		checkSlot(form.startsAt(), form.endsAt(), problems);
		if (form.people() == null || form.people() < 1 || form.people() > MAX_PEOPLE) {
			problems.add(new FieldProblem("people", Messages.text("problem.field.between", 1, MAX_PEOPLE)));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		OffsetDateTime now = OffsetDateTime.now(clock);
		long id = db
			.insertInto(VOLUNTEER_NEED, VOLUNTEER_NEED.COMMUNITY_ID, VOLUNTEER_NEED.COMMUNITY_PATH, VOLUNTEER_NEED.KIND,
					VOLUNTEER_NEED.TITLE, VOLUNTEER_NEED.PLACE, VOLUNTEER_NEED.STARTS_AT, VOLUNTEER_NEED.ENDS_AT,
					VOLUNTEER_NEED.SERVICE_DAY, VOLUNTEER_NEED.PEOPLE, VOLUNTEER_NEED.STATUS,
					VOLUNTEER_NEED.PUBLISHED_BY, VOLUNTEER_NEED.PUBLISHED_AT)
			.values(community.id(), community.path().value(), kind.name(), title, place, form.startsAt(), form.endsAt(),
					BusinessDay.of(form.startsAt()), form.people(), "OPEN", user.username(), now)
			.returning(VOLUNTEER_NEED.ID)
			.fetchOne(VOLUNTEER_NEED.ID);
		return view(db.fetchOne(VOLUNTEER_NEED, VOLUNTEER_NEED.ID.eq(id)));
	}

	private void checkSlot(@Nullable OffsetDateTime startsAt, @Nullable OffsetDateTime endsAt,
			List<FieldProblem> problems) {
		OffsetDateTime now = OffsetDateTime.now(clock);
		if (startsAt == null) {
			problems.add(new FieldProblem("startsAt", Messages.text("problem.required")));
		}
		else if (startsAt.isBefore(now.minus(BACK)) || startsAt.isAfter(now.plus(AHEAD))) {
			problems.add(new FieldProblem("startsAt",
					Messages.text("volunteer.problem.when", BACK.toDays(), AHEAD.toDays())));
		}
		if (endsAt == null) {
			problems.add(new FieldProblem("endsAt", Messages.text("problem.required")));
		}
		else if (startsAt != null && !endsAt.isAfter(startsAt)) {
			problems.add(new FieldProblem("endsAt", Messages.text("volunteer.problem.ends-before")));
		}
		else if (startsAt != null && Duration.between(startsAt, endsAt).compareTo(LONGEST) > 0) {
			problems.add(new FieldProblem("endsAt", Messages.text("volunteer.problem.too-long", LONGEST.toHours())));
		}
	}

	/** Cancels a need not yet started; its claims lapse with it. */
	@Transactional
	public ServiceNeed cancel(@Nullable Long needId, CurrentUser user) {
		VolunteerNeedRecord need = visible(needId, "needId", user);
		Communities.requireStaffOf(user, RegionPath.of(need.getCommunityPath()));
		if (!need.getStartsAt().isAfter(OffsetDateTime.now(clock))) {
			throw new RuleViolationException(Messages.text("volunteer.problem.started-cancel"));
		}
		db.update(VOLUNTEER_NEED)
			.set(VOLUNTEER_NEED.STATUS, "CANCELLED")
			.where(VOLUNTEER_NEED.ID.eq(need.getId()))
			.execute();
		return view(db.fetchOne(VOLUNTEER_NEED, VOLUNTEER_NEED.ID.eq(need.getId())));
	}

	/**
	 * The needs of a community the caller works for, or is registered with, from a day on
	 * (today when none), by start.
	 */
	@Transactional(readOnly = true)
	public PageResult<ServiceNeed> ofCommunity(@Nullable String communityCode, @Nullable LocalDate from, int page,
			int size, CurrentUser user) {
		PageResult.check(page, size);
		RegionPath community = readableCommunity(communityCode, user);
		Condition where = VOLUNTEER_NEED.COMMUNITY_PATH.eq(community.value())
			.and(VOLUNTEER_NEED.SERVICE_DAY.ge(from == null ? BusinessDay.today(clock) : from));
		long total = db.fetchCount(VOLUNTEER_NEED, where);
		List<ServiceNeed> items = views(db.selectFrom(VOLUNTEER_NEED)
			.where(where)
			.orderBy(VOLUNTEER_NEED.STARTS_AT, VOLUNTEER_NEED.ID)
			.limit(size)
			.offset(page * size)
			.fetch());
		return new PageResult<>(items, total, page, size);
	}

	/**
	 * The community a caller may read needs of: one their scope covers, or the one they
	 * are registered with (404 otherwise, alike for a code that does not exist).
	 */
	private RegionPath readableCommunity(@Nullable String code, CurrentUser user) {
		Optional<VolunteerRegistrationRecord> registered = Optional.ofNullable(user.scope().selfPersonId())
			.flatMap(registrations::active);
		if (registered.isPresent() && (code == null || code.isBlank()
				|| RegionPath.of(registered.get().getCommunityPath()).code().equals(code.strip()))) {
			return RegionPath.of(registered.get().getCommunityPath());
		}
		if (code == null || code.isBlank()) {
			throw new InvalidInputException("community", Messages.text("problem.required"));
		}
		return communities.resolve("community", code, user.scope()).path();
	}

	/**
	 * A need the caller may read: their scope covers its community, they are registered
	 * with it, or they claimed it; 404 naming the field otherwise (alike for one that
	 * does not exist).
	 */
	VolunteerNeedRecord visible(@Nullable Long id, String field, CurrentUser user) {
		VolunteerNeedRecord need = id == null ? null : db.fetchOne(VOLUNTEER_NEED, VOLUNTEER_NEED.ID.eq(id));
		if (need == null || !readable(need, user)) {
			throw new ReferenceNotFoundException(field);
		}
		return need;
	}

	private boolean readable(VolunteerNeedRecord need, CurrentUser user) {
		RegionPath community = RegionPath.of(need.getCommunityPath());
		if (!user.isSelfService() && user.scope().coversRegion(community)) {
			return true;
		}
		Long self = user.scope().selfPersonId();
		if (self == null) {
			return false;
		}
		boolean registeredThere = registrations.active(self)
			.map(r -> r.getCommunityPath().equals(need.getCommunityPath()))
			.orElse(false);
		return registeredThere || db.fetchExists(VOLUNTEER_CLAIM,
				VOLUNTEER_CLAIM.NEED_ID.eq(need.getId()).and(VOLUNTEER_CLAIM.PERSON_ID.eq(self)));
	}

	/** A need the caller may read, as shown. */
	@Transactional(readOnly = true)
	public ServiceNeed find(@Nullable Long id, CurrentUser user) {
		return view(visible(id, "needId", user));
	}

	/**
	 * True when the caller publishes needs and confirms hours in the need's community.
	 */
	public boolean mayManage(ServiceNeed need, CurrentUser user) {
		return communities.byCode(need.communityCode()).map(c -> Communities.isStaffOf(user, c.path())).orElse(false);
	}

	/** Needs under a region (every community at or below it) in scope, unscoped paths. */
	static Condition under(RegionPath region, DataScope scope) {
		return DataScope.under(VOLUNTEER_NEED.COMMUNITY_PATH, region)
			.and(scope.regionCondition(VOLUNTEER_NEED.COMMUNITY_PATH));
	}

	ServiceNeed view(VolunteerNeedRecord r) {
		return views(List.of(r)).get(0);
	}

	/** Needs as shown, each community's name read once for the list (not once a row). */
	List<ServiceNeed> views(java.util.Collection<VolunteerNeedRecord> records) {
		java.util.Map<String, String> names = new java.util.HashMap<>();
		return records.stream()
			.map(r -> view(r, names.computeIfAbsent(r.getCommunityPath(), p -> communities.name(RegionPath.of(p)))))
			.toList();
	}

	private ServiceNeed view(VolunteerNeedRecord r, String communityName) {
		RegionPath community = RegionPath.of(r.getCommunityPath());
		return new ServiceNeed(r.getId(), community.code(), communityName, ServiceKind.valueOf(r.getKind()),
				r.getTitle(), r.getPlace(), r.getStartsAt(), r.getEndsAt(), r.getServiceDay(),
				slot(r.getStartsAt(), r.getEndsAt()), r.getPeople(), r.getTaken(), "CANCELLED".equals(r.getStatus()),
				!r.getStartsAt().isAfter(OffsetDateTime.now(clock)));
	}

	/** "08:00–12:00" in Shanghai time (with the end's day when it ends on another). */
	static String slot(OffsetDateTime startsAt, OffsetDateTime endsAt) {
		var from = startsAt.atZoneSameInstant(BusinessDay.ZONE);
		var to = endsAt.atZoneSameInstant(BusinessDay.ZONE);
		String end = to.toLocalTime().toString();
		if (!to.toLocalDate().equals(from.toLocalDate())) {
			end = to.toLocalDate().getMonthValue() + "-" + to.toLocalDate().getDayOfMonth() + " " + end;
		}
		return from.toLocalTime() + "–" + end;
	}

}

package cn.huoxian.volunteer;

import static cn.huoxian.db.Tables.VOLUNTEER_CLAIM;
import static cn.huoxian.db.Tables.VOLUNTEER_NEED;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import cn.huoxian.db.tables.records.VolunteerClaimRecord;
import cn.huoxian.db.tables.records.VolunteerNeedRecord;
import cn.huoxian.db.tables.records.VolunteerRegistrationRecord;
import cn.huoxian.org.Units;
import cn.huoxian.people.People;
import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.ForbiddenException;
import cn.huoxian.shared.InvalidInputException;
import cn.huoxian.shared.Messages;
import cn.huoxian.shared.ReferenceNotFoundException;
import cn.huoxian.shared.RegionPath;
import cn.huoxian.shared.RuleViolationException;
import jakarta.annotation.Nullable;
import org.jooq.DSLContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Members claiming needs and the community confirming what they did. A claim takes a
 * place with one conditional update of the need ({@code taken < people}, and a check
 * constraint behind it), so however many claim at once a need for N people never holds N
 * + 1 claims (ADR 47).
 */
@Service
public class Claims {

	/** The most hours one claim confirms. */
	static final BigDecimal MAX_HOURS = BigDecimal.valueOf(24);

	static final BigDecimal MIN_HOURS = new BigDecimal("0.5");

	private final DSLContext db;

	private final Needs needs;

	private final Registrations registrations;

	private final People people;

	private final Units units;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Claims(DSLContext db, Needs needs, Registrations registrations, People people, Units units,
			ApplicationEventPublisher events, Clock clock) {
		this.db = db;
		this.needs = needs;
		this.registrations = registrations;
		this.people = people;
		this.units = units;
		this.events = events;
		this.clock = clock;
	}

	public record ClaimView(long id, Needs.ServiceNeed need, long personId, String personName,
			@Nullable String unitName, ClaimStatus status, @Nullable BigDecimal hours, OffsetDateTime claimedAt,
			@Nullable String confirmedBy) {
	}

	/** The caller claims a place on a need of the community they are registered with. */
	@Transactional
	public ClaimView claim(@Nullable Long needId, CurrentUser user) {
		return claimAsOf(needId, user, OffsetDateTime.now(clock));
	}

	/**
	 * A claim as made at an earlier time (the demo's history): checked against the need's
	 * start as of then.
	 */
	@Transactional
	public ClaimView claimAsOf(@Nullable Long needId, CurrentUser user, OffsetDateTime now) {
		VolunteerNeedRecord need = needs.visible(needId, "needId", user);
		Long self = user.scope().selfPersonId();
		if (self == null || !user.actsAs(self)) {
			throw new ForbiddenException(Messages.text("volunteer.problem.claim-self"));
		}
		VolunteerRegistrationRecord registration = registrations.active(self)
			.filter(r -> r.getCommunityPath().equals(need.getCommunityPath()))
			.orElseThrow(() -> new RuleViolationException(Messages.text("volunteer.problem.not-registered-here")));
		if ("CANCELLED".equals(need.getStatus())) {
			throw new RuleViolationException(Messages.text("volunteer.problem.cancelled"));
		}
		if (!need.getStartsAt().isAfter(now)) {
			throw new RuleViolationException(Messages.text("volunteer.problem.started-claim"));
		}
		VolunteerClaimRecord claim = db.fetchOne(VOLUNTEER_CLAIM,
				VOLUNTEER_CLAIM.NEED_ID.eq(need.getId()).and(VOLUNTEER_CLAIM.PERSON_ID.eq(self)));
		if (claim != null && !ClaimStatus.WITHDRAWN.name().equals(claim.getStatus())) {
			throw new RuleViolationException(Messages.text("volunteer.problem.claimed-already"));
		}
		// the place is taken first: one row update that fails when the need is full
		int taken = db.update(VOLUNTEER_NEED)
			.set(VOLUNTEER_NEED.TAKEN, VOLUNTEER_NEED.TAKEN.plus(1))
			.where(VOLUNTEER_NEED.ID.eq(need.getId()), VOLUNTEER_NEED.TAKEN.lt(VOLUNTEER_NEED.PEOPLE),
					VOLUNTEER_NEED.STATUS.eq("OPEN"))
			.execute();
		if (taken == 0) {
			throw new RuleViolationException(Messages.text("volunteer.problem.full", need.getPeople()));
		}
		try {
			if (claim == null) {
				claim = db.newRecord(VOLUNTEER_CLAIM);
				claim.setNeedId(need.getId());
				claim.setPersonId(self);
			}
			claim.setUnitId(registration.getUnitId());
			claim.setStatus(ClaimStatus.CLAIMED.name());
			claim.setClaimedAt(now);
			claim.store();
		}
		catch (DuplicateKeyException ex) {
			// the same member claiming twice at once: the other claim holds the place
			throw new RuleViolationException(Messages.text("volunteer.problem.claimed-already"));
		}
		return views(List.of(claim)).get(0);
	}

	/** The member gives their place back before the need starts. */
	@Transactional
	public ClaimView withdraw(@Nullable Long claimId, CurrentUser user) {
		VolunteerClaimRecord claim = visible(claimId, user);
		if (!user.actsAs(claim.getPersonId())) {
			throw new ForbiddenException(Messages.text("volunteer.problem.claim-self"));
		}
		VolunteerNeedRecord need = db.fetchOne(VOLUNTEER_NEED, VOLUNTEER_NEED.ID.eq(claim.getNeedId()));
		if (!ClaimStatus.CLAIMED.name().equals(claim.getStatus())
				|| !need.getStartsAt().isAfter(OffsetDateTime.now(clock))) {
			throw new RuleViolationException(Messages.text("volunteer.problem.withdraw"));
		}
		db.update(VOLUNTEER_NEED)
			.set(VOLUNTEER_NEED.TAKEN, VOLUNTEER_NEED.TAKEN.minus(1))
			.where(VOLUNTEER_NEED.ID.eq(need.getId()))
			.execute();
		claim.setStatus(ClaimStatus.WITHDRAWN.name());
		claim.store();
		return views(List.of(claim)).get(0);
	}

	/**
	 * The community confirms a member came and for how long (or corrects the hours);
	 * {@link ServiceHoursConfirmed} follows.
	 */
	@Transactional
	public ClaimView confirm(@Nullable Long claimId, @Nullable BigDecimal hours, CurrentUser user) {
		VolunteerClaimRecord claim = visible(claimId, user);
		VolunteerNeedRecord need = afterStart(claim, user);
		if (ClaimStatus.WITHDRAWN.name().equals(claim.getStatus())) {
			throw new RuleViolationException(Messages.text("volunteer.problem.withdrawn"));
		}
		if (hours == null) {
			throw new InvalidInputException("hours", Messages.text("problem.required"));
		}
		if (hours.compareTo(MIN_HOURS) < 0 || hours.compareTo(MAX_HOURS) > 0) {
			throw new InvalidInputException("hours", Messages.text("volunteer.problem.hours", MIN_HOURS, MAX_HOURS));
		}
		int minutes = Hours.minutes(hours);
		OffsetDateTime now = OffsetDateTime.now(clock);
		claim.setStatus(ClaimStatus.CONFIRMED.name());
		claim.setMinutes(minutes);
		claim.setConfirmedBy(user.username());
		claim.setConfirmedAt(now);
		claim.store();
		events.publishEvent(new ServiceHoursConfirmed(claim.getId(), need.getId(), claim.getPersonId(),
				claim.getUnitId(), RegionPath.of(need.getCommunityPath()), ServiceKind.valueOf(need.getKind()), minutes,
				need.getServiceDay(), now));
		return views(List.of(claim)).get(0);
	}

	/** The community records that a member who claimed did not come. */
	@Transactional
	public ClaimView absent(@Nullable Long claimId, CurrentUser user) {
		VolunteerClaimRecord claim = visible(claimId, user);
		afterStart(claim, user);
		if (!ClaimStatus.CLAIMED.name().equals(claim.getStatus())) {
			throw new RuleViolationException(Messages.text("volunteer.problem.absent"));
		}
		claim.setStatus(ClaimStatus.ABSENT.name());
		claim.setConfirmedBy(user.username());
		claim.setConfirmedAt(OffsetDateTime.now(clock));
		claim.store();
		return views(List.of(claim)).get(0);
	}

	/** The claim's need, once the caller is its community's staff and it has started. */
	private VolunteerNeedRecord afterStart(VolunteerClaimRecord claim, CurrentUser user) {
		VolunteerNeedRecord need = db.fetchOne(VOLUNTEER_NEED, VOLUNTEER_NEED.ID.eq(claim.getNeedId()));
		Communities.requireStaffOf(user, RegionPath.of(need.getCommunityPath()));
		if (need.getStartsAt().isAfter(OffsetDateTime.now(clock))) {
			throw new RuleViolationException(Messages.text("volunteer.problem.not-started"));
		}
		return need;
	}

	/** A claim on a need the caller may read, or 404 (alike for a missing one). */
	private VolunteerClaimRecord visible(@Nullable Long claimId, CurrentUser user) {
		VolunteerClaimRecord claim = claimId == null ? null
				: db.fetchOne(VOLUNTEER_CLAIM, VOLUNTEER_CLAIM.ID.eq(claimId));
		if (claim == null) {
			throw new ReferenceNotFoundException("claimId");
		}
		needs.visible(claim.getNeedId(), "claimId", user);
		return claim;
	}

	/** The claims on a need the caller may read, by status then name. */
	@Transactional(readOnly = true)
	public List<ClaimView> ofNeed(@Nullable Long needId, CurrentUser user) {
		VolunteerNeedRecord need = needs.visible(needId, "needId", user);
		return views(db.selectFrom(VOLUNTEER_CLAIM)
			.where(VOLUNTEER_CLAIM.NEED_ID.eq(need.getId()))
			.orderBy(VOLUNTEER_CLAIM.CLAIMED_AT, VOLUNTEER_CLAIM.ID)
			.fetch());
	}

	/** The caller's claims whose need starts from a week ago on, by start. */
	@Transactional(readOnly = true)
	public List<ClaimView> mine(CurrentUser user) {
		Long self = user.scope().selfPersonId();
		if (self == null) {
			return List.of();
		}
		return views(db.select(VOLUNTEER_CLAIM.fields())
			.from(VOLUNTEER_CLAIM)
			.join(VOLUNTEER_NEED)
			.on(VOLUNTEER_NEED.ID.eq(VOLUNTEER_CLAIM.NEED_ID))
			.where(VOLUNTEER_CLAIM.PERSON_ID.eq(self),
					VOLUNTEER_NEED.STARTS_AT.ge(OffsetDateTime.now(clock).minus(Duration.ofDays(7))))
			.orderBy(VOLUNTEER_NEED.STARTS_AT, VOLUNTEER_CLAIM.ID)
			.limit(100)
			.fetchInto(VOLUNTEER_CLAIM));
	}

	/**
	 * Claims on needs already started under the caller's regions whose attendance is not
	 * recorded yet, oldest first, at most {@code limit}: the community's to-do.
	 */
	@Transactional(readOnly = true)
	public List<ClaimView> toConfirm(CurrentUser user, int limit) {
		if (!user.mayReportDaily() || user.scope().regions().isEmpty()) {
			return List.of();
		}
		return views(db.select(VOLUNTEER_CLAIM.fields())
			.from(VOLUNTEER_CLAIM)
			.join(VOLUNTEER_NEED)
			.on(VOLUNTEER_NEED.ID.eq(VOLUNTEER_CLAIM.NEED_ID))
			.where(user.scope().regionCondition(VOLUNTEER_NEED.COMMUNITY_PATH),
					VOLUNTEER_CLAIM.STATUS.eq(ClaimStatus.CLAIMED.name()),
					VOLUNTEER_NEED.STARTS_AT.le(OffsetDateTime.now(clock)))
			.orderBy(VOLUNTEER_NEED.STARTS_AT, VOLUNTEER_CLAIM.ID)
			.limit(limit)
			.fetchInto(VOLUNTEER_CLAIM));
	}

	private List<ClaimView> views(List<VolunteerClaimRecord> claims) {
		if (claims.isEmpty()) {
			return List.of();
		}
		Map<Long, VolunteerNeedRecord> needRows = db.selectFrom(VOLUNTEER_NEED)
			.where(VOLUNTEER_NEED.ID.in(claims.stream().map(VolunteerClaimRecord::getNeedId).toList()))
			.fetchMap(VOLUNTEER_NEED.ID);
		Map<Long, String> names = people.names(claims.stream().map(VolunteerClaimRecord::getPersonId).toList());
		Map<Long, String> unitNames = units.names(claims.stream()
			.map(VolunteerClaimRecord::getUnitId)
			.filter(java.util.Objects::nonNull)
			.collect(java.util.stream.Collectors.toSet()));
		Map<Long, Needs.ServiceNeed> needViews = needs.views(needRows.values())
			.stream()
			.collect(java.util.stream.Collectors.toMap(Needs.ServiceNeed::id, n -> n));
		return claims.stream()
			.map(c -> new ClaimView(c.getId(), needViews.get(c.getNeedId()), c.getPersonId(),
					names.getOrDefault(c.getPersonId(), ""),
					c.getUnitId() == null ? null : unitNames.get(c.getUnitId()), ClaimStatus.valueOf(c.getStatus()),
					c.getMinutes() == null ? null : Hours.of(c.getMinutes()), c.getClaimedAt(), c.getConfirmedBy()))
			.toList();
	}

}

package cn.huoxian.volunteer;

import static cn.huoxian.db.Tables.VOLUNTEER_UNIT_REPORT;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import cn.huoxian.db.tables.records.VolunteerUnitReportRecord;
import cn.huoxian.org.RegionView;
import cn.huoxian.org.UnitView;
import cn.huoxian.org.Units;
import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.DuplicateException;
import cn.huoxian.shared.ForbiddenException;
import cn.huoxian.shared.InvalidInputException;
import cn.huoxian.shared.Messages;
import cn.huoxian.shared.ReferenceNotFoundException;
import cn.huoxian.shared.RegionPath;
import cn.huoxian.shared.RuleViolationException;
import jakarta.annotation.Nullable;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A unit's party organisation reporting in (报到) to a community in its area, and the
 * community's receipt. The unit's staff (or region staff over the unit) report; the
 * community's staff receipt.
 */
@Service
public class UnitReports {

	private final DSLContext db;

	private final Units units;

	private final Communities communities;

	private final Clock clock;

	UnitReports(DSLContext db, Units units, Communities communities, Clock clock) {
		this.db = db;
		this.units = units;
		this.communities = communities;
		this.clock = clock;
	}

	public record UnitReportView(long id, long unitId, String unitName, String communityCode, String communityName,
			@Nullable String note, String reportedBy, OffsetDateTime reportedAt, @Nullable String receivedBy,
			@Nullable OffsetDateTime receivedAt) {

		@com.fasterxml.jackson.annotation.JsonProperty
		public boolean received() {
			return receivedAt != null;
		}

	}

	/** The unit reports in to a community in its area. */
	@Transactional
	public UnitReportView report(@Nullable Long unitId, @Nullable String communityCode, @Nullable String note,
			CurrentUser user) {
		UnitView unit = units.resolve("unitId", unitId, user.scope());
		if (!writesFor(unit, user)) {
			throw new ForbiddenException(Messages.text("volunteer.problem.unit-staff", user.role().label()));
		}
		RegionView community = communities.inAreaOf("communityCode", communityCode, unit.path());
		String text = note == null || note.isBlank() ? null : note.strip();
		if (text != null && text.length() > 500) {
			throw new InvalidInputException("note", Messages.text("problem.field.too-long", 500));
		}
		VolunteerUnitReportRecord existing = db.fetchOne(VOLUNTEER_UNIT_REPORT,
				VOLUNTEER_UNIT_REPORT.UNIT_ID.eq(unit.id()).and(VOLUNTEER_UNIT_REPORT.COMMUNITY_ID.eq(community.id())));
		if (existing != null) {
			throw new DuplicateException(
					Messages.text("volunteer.problem.reported-already", unit.name(), community.name()),
					existing.getId(), Map.of("id", existing.getId()));
		}
		long id = db
			.insertInto(VOLUNTEER_UNIT_REPORT, VOLUNTEER_UNIT_REPORT.UNIT_ID, VOLUNTEER_UNIT_REPORT.COMMUNITY_ID,
					VOLUNTEER_UNIT_REPORT.COMMUNITY_PATH, VOLUNTEER_UNIT_REPORT.NOTE, VOLUNTEER_UNIT_REPORT.REPORTED_BY,
					VOLUNTEER_UNIT_REPORT.REPORTED_AT)
			.values(unit.id(), community.id(), community.path().value(), text, user.username(),
					OffsetDateTime.now(clock))
			.returning(VOLUNTEER_UNIT_REPORT.ID)
			.fetchOne(VOLUNTEER_UNIT_REPORT.ID);
		return views(List.of(db.fetchOne(VOLUNTEER_UNIT_REPORT, VOLUNTEER_UNIT_REPORT.ID.eq(id)))).get(0);
	}

	/** The community's staff give the receipt. */
	@Transactional
	public UnitReportView receive(@Nullable Long reportId, CurrentUser user) {
		VolunteerUnitReportRecord report = visible(reportId, user);
		Communities.requireStaffOf(user, RegionPath.of(report.getCommunityPath()));
		if (report.getReceivedAt() != null) {
			throw new RuleViolationException(Messages.text("volunteer.problem.received-already"));
		}
		report.setReceivedBy(user.username());
		report.setReceivedAt(OffsetDateTime.now(clock));
		report.store();
		return views(List.of(report)).get(0);
	}

	/** A unit's reports in, by community. */
	@Transactional(readOnly = true)
	public List<UnitReportView> ofUnit(@Nullable Long unitId, CurrentUser user) {
		UnitView unit = units.resolve("unitId", unitId, user.scope());
		return list(VOLUNTEER_UNIT_REPORT.UNIT_ID.eq(unit.id()));
	}

	/** The units reported in to a community the caller's scope covers. */
	@Transactional(readOnly = true)
	public List<UnitReportView> ofCommunity(@Nullable String communityCode, CurrentUser user) {
		RegionView community = communities.resolve("community", communityCode, user.scope());
		return list(VOLUNTEER_UNIT_REPORT.COMMUNITY_PATH.eq(community.path().value()));
	}

	/**
	 * How many reports in wait for a receipt under the caller's regions (the home page's
	 * count).
	 */
	public int awaitingReceiptCount(CurrentUser user) {
		if (user.scope().regions().isEmpty() || !user.mayReportDaily()) {
			return 0;
		}
		return db.fetchCount(VOLUNTEER_UNIT_REPORT,
				user.scope()
					.regionCondition(VOLUNTEER_UNIT_REPORT.COMMUNITY_PATH)
					.and(VOLUNTEER_UNIT_REPORT.RECEIVED_AT.isNull()));
	}

	/** Reports in still waiting for a receipt under the caller's regions, at most 50. */
	@Transactional(readOnly = true)
	public List<UnitReportView> awaitingReceipt(CurrentUser user) {
		if (user.scope().regions().isEmpty() || !user.mayReportDaily()) {
			return List.of();
		}
		return views(db.selectFrom(VOLUNTEER_UNIT_REPORT)
			.where(user.scope().regionCondition(VOLUNTEER_UNIT_REPORT.COMMUNITY_PATH))
			.and(VOLUNTEER_UNIT_REPORT.RECEIVED_AT.isNull())
			.orderBy(VOLUNTEER_UNIT_REPORT.REPORTED_AT, VOLUNTEER_UNIT_REPORT.ID)
			.limit(50)
			.fetch());
	}

	private List<UnitReportView> list(Condition where) {
		return views(db.selectFrom(VOLUNTEER_UNIT_REPORT)
			.where(where)
			.orderBy(VOLUNTEER_UNIT_REPORT.COMMUNITY_PATH, VOLUNTEER_UNIT_REPORT.ID)
			.limit(500)
			.fetch());
	}

	/** The unit's staff, or region staff (and the administrator) over the unit. */
	static boolean writesFor(UnitView unit, CurrentUser user) {
		return user.isUnitStaffFor(unit.id()) || (user.mayReportDaily() && user.scope().coversRegion(unit.path()));
	}

	/**
	 * A report the caller may read: of a unit in scope or to a community in scope; 404
	 * otherwise, alike for one that does not exist.
	 */
	private VolunteerUnitReportRecord visible(@Nullable Long id, CurrentUser user) {
		VolunteerUnitReportRecord report = id == null ? null
				: db.fetchOne(VOLUNTEER_UNIT_REPORT, VOLUNTEER_UNIT_REPORT.ID.eq(id));
		if (report == null || !(user.scope().coversRegion(RegionPath.of(report.getCommunityPath()))
				|| units.fetch(report.getUnitId()).map(u -> writesFor(u, user)).orElse(false))) {
			throw new ReferenceNotFoundException("reportId");
		}
		return report;
	}

	private List<UnitReportView> views(List<VolunteerUnitReportRecord> reports) {
		Map<Long, String> unitNames = units.names(reports.stream()
			.map(VolunteerUnitReportRecord::getUnitId)
			.collect(java.util.stream.Collectors.toSet()));
		Map<String, String> names = new java.util.HashMap<>();
		return reports.stream().map(r -> {
			RegionPath community = RegionPath.of(r.getCommunityPath());
			return new UnitReportView(r.getId(), r.getUnitId(), unitNames.getOrDefault(r.getUnitId(), ""),
					community.code(), names.computeIfAbsent(community.code(), c -> communities.name(community)),
					r.getNote(), r.getReportedBy(), r.getReportedAt(), r.getReceivedBy(), r.getReceivedAt());
		}).toList();
	}

}

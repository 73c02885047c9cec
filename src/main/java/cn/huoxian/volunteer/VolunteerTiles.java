package cn.huoxian.volunteer;

import static cn.huoxian.db.Tables.VOLUNTEER_CLAIM;
import static cn.huoxian.db.Tables.VOLUNTEER_NEED;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.Messages;
import cn.huoxian.shared.WorkbenchTile;
import cn.huoxian.shared.WorkbenchTiles;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * On the home page: for a registered member, the needs of their community still open to
 * claim (their registration due for renewal wants attention); for a community's staff,
 * the claims of needs already started whose hours are still to confirm, and units waiting
 * for a receipt; for a unit's staff, its party members not registered.
 */
@Component
class VolunteerTiles implements WorkbenchTiles {

	private final DSLContext db;

	private final Registrations registrations;

	private final UnitReports unitReports;

	private final ServiceRecords records;

	private final Clock clock;

	VolunteerTiles(DSLContext db, Registrations registrations, UnitReports unitReports, ServiceRecords records,
			Clock clock) {
		this.db = db;
		this.registrations = registrations;
		this.unitReports = unitReports;
		this.records = records;
		this.clock = clock;
	}

	@Override
	public List<WorkbenchTile> tiles(CurrentUser user) {
		List<WorkbenchTile> tiles = new ArrayList<>();
		OffsetDateTime now = OffsetDateTime.now(clock);
		Optional<Registrations.RegistrationView> mine = registrations.mine(user);
		mine.filter(Registrations.RegistrationView::active).ifPresent(r -> {
			long open = db.fetchCount(VOLUNTEER_NEED,
					VOLUNTEER_NEED.COMMUNITY_PATH.eq(r.communityPath().value())
						.and(VOLUNTEER_NEED.STATUS.eq("OPEN"))
						.and(VOLUNTEER_NEED.STARTS_AT.gt(now))
						.and(VOLUNTEER_NEED.TAKEN.lt(VOLUNTEER_NEED.PEOPLE)));
			tiles.add(new WorkbenchTile(WorkbenchTile.TODAY, 6, Messages.text("workbench.volunteer.open"),
					r.communityName(), open, null, "/volunteer", r.due()));
		});
		if (user.mayReportDaily() && !user.scope().regions().isEmpty()) {
			long toConfirm = db.fetchCount(
					VOLUNTEER_CLAIM.join(VOLUNTEER_NEED).on(VOLUNTEER_NEED.ID.eq(VOLUNTEER_CLAIM.NEED_ID)),
					user.scope()
						.regionCondition(VOLUNTEER_NEED.COMMUNITY_PATH)
						.and(VOLUNTEER_CLAIM.STATUS.eq(ClaimStatus.CLAIMED.name()))
						.and(VOLUNTEER_NEED.STARTS_AT.le(now)));
			tiles.add(
					WorkbenchTile.due(49, Messages.text("workbench.volunteer.confirm"), null, toConfirm, "/volunteer"));
			int waiting = unitReports.awaitingReceiptCount(user);
			if (waiting > 0) {
				tiles.add(WorkbenchTile.due(50, Messages.text("workbench.volunteer.receipts"), null, waiting,
						"/volunteer"));
			}
		}
		// a unit's staff: the unit's in-service party members not registered anywhere
		if (user.isUnitStaff()) {
			var today = cn.huoxian.shared.BusinessDay.today(clock);
			for (Long unit : user.scope().unitIds().stream().limit(3).toList()) {
				var hours = records.unit(unit, new ServiceRecords.ServicePeriod(today, today), true, user);
				tiles.add(WorkbenchTile.due(51, Messages.text("workbench.volunteer.unregistered"), hours.unitName(),
						hours.notRegistered(), "/volunteer/units/" + unit + "?unregistered=true"));
			}
		}
		return tiles;
	}

}

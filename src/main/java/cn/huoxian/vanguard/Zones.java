package cn.huoxian.vanguard;

import static cn.huoxian.db.Tables.RESPONSIBILITY_ZONE;

import java.time.LocalDate;
import java.util.List;

import cn.huoxian.db.tables.records.ResponsibilityZoneRecord;
import cn.huoxian.org.RegionView;
import cn.huoxian.org.Regions;
import cn.huoxian.people.People;
import cn.huoxian.people.PersonView;
import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.DataScope;
import cn.huoxian.shared.Forms;
import cn.huoxian.shared.InvalidInputException;
import cn.huoxian.shared.Messages;
import cn.huoxian.shared.NotFoundException;
import cn.huoxian.shared.PageResult;
import cn.huoxian.shared.RegionPath;
import cn.huoxian.shared.RuleViolationException;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Responsibility zones (党员责任区): a party member and the area they answer for. */
@Service
public class Zones {

	private static final Field<String> PERSON_NAME = People.nameOf(RESPONSIBILITY_ZONE.PERSON_ID).as("person_name");

	private static final Field<String> REGION_CODE = Regions.codeOf(RESPONSIBILITY_ZONE.REGION_ID).as("region_code");

	private static final Field<String> REGION_NAME = Regions.nameOf(RESPONSIBILITY_ZONE.REGION_ID).as("region_name");

	private final DSLContext db;

	private final VanguardChecks rules;

	private final Forms forms;

	Zones(DSLContext db, VanguardChecks rules, Forms forms) {
		this.db = db;
		this.rules = rules;
		this.forms = forms;
	}

	@Transactional
	public ZoneView create(ZoneForm form, CurrentUser user) {
		user.requirePeopleEditor();
		PersonView person = rules.partyMember("personId", form.personId(), user.scope());
		forms.check(form);
		String area = form.area().strip();
		LocalDate since = rules.orToday(form.since());
		RegionView region = form.region() == null || form.region().isBlank() ? rules.known(person.regionCode())
				: rules.region("region", form.region(), user.scope());
		user.requireMayWriteIn(region.path(), Messages.text("frontline.what.region", region.code()));
		ResponsibilityZoneRecord zone = db.newRecord(RESPONSIBILITY_ZONE);
		zone.setPersonId(person.id());
		zone.setRegionId(region.id());
		zone.setPath(region.path().value());
		zone.setArea(area);
		zone.setSince(since);
		zone.setCreatedBy(user.username());
		zone.store();
		return find(zone.getId(), user.scope());
	}

	/**
	 * Zones under a region (default: the user's first root); current ones only unless
	 * all.
	 */
	public PageResult<ZoneView> list(String regionCode, boolean all, int page, int size, DataScope scope) {
		PageResult.check(page, size);
		Condition where = scope.regionCondition(RESPONSIBILITY_ZONE.PATH)
			.and(DataScope.under(RESPONSIBILITY_ZONE.PATH, rules.listPath(regionCode, scope)));
		if (!all) {
			where = where.and(RESPONSIBILITY_ZONE.ENDED_ON.isNull());
		}
		long total = db.fetchCount(RESPONSIBILITY_ZONE, where);
		List<ZoneView> items = select().where(where)
			.orderBy(RESPONSIBILITY_ZONE.PATH, RESPONSIBILITY_ZONE.ID)
			.limit(size)
			.offset((long) page * size)
			.fetch(Zones::view);
		return new PageResult<>(items, total, page, size);
	}

	public ZoneView find(long id, DataScope scope) {
		Record row = select().where(RESPONSIBILITY_ZONE.ID.eq(id)).fetchOne();
		if (row == null || !scope.coversRegion(RegionPath.of(row.get(RESPONSIBILITY_ZONE.PATH)))) {
			throw new NotFoundException(Messages.text("frontline.what.zone", id));
		}
		return view(row);
	}

	/** Ends a zone (default today, not before it began); twice is refused. */
	@Transactional
	public ZoneView end(long id, LocalDate endedOn, CurrentUser user) {
		ResponsibilityZoneRecord zone = db.fetchOne(RESPONSIBILITY_ZONE, RESPONSIBILITY_ZONE.ID.eq(id));
		if (zone == null) {
			throw new NotFoundException(Messages.text("frontline.what.zone", id));
		}
		user.requireMayWriteIn(RegionPath.of(zone.getPath()), Messages.text("frontline.what.zone", id));
		if (zone.getEndedOn() != null) {
			throw new RuleViolationException(Messages.text("frontline.zone.already-ended", id, zone.getEndedOn()));
		}
		LocalDate day = rules.dateOrToday("endedOn", endedOn);
		if (day.isBefore(zone.getSince())) {
			throw new InvalidInputException("endedOn",
					Messages.text("frontline.zone.ended-before-since", zone.getSince()));
		}
		zone.setEndedOn(day);
		zone.store();
		return find(id, user.scope());
	}

	private org.jooq.SelectJoinStep<Record> select() {
		return db.select(RESPONSIBILITY_ZONE.fields())
			.select(PERSON_NAME, REGION_CODE, REGION_NAME)
			.from(RESPONSIBILITY_ZONE);
	}

	private static ZoneView view(Record r) {
		return new ZoneView(r.get(RESPONSIBILITY_ZONE.ID), r.get(RESPONSIBILITY_ZONE.PERSON_ID), r.get(PERSON_NAME),
				r.get(REGION_CODE), r.get(REGION_NAME), RegionPath.of(r.get(RESPONSIBILITY_ZONE.PATH)),
				r.get(RESPONSIBILITY_ZONE.AREA), r.get(RESPONSIBILITY_ZONE.SINCE), r.get(RESPONSIBILITY_ZONE.ENDED_ON),
				r.get(RESPONSIBILITY_ZONE.CREATED_BY));
	}

}

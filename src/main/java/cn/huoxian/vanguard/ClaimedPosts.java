package cn.huoxian.vanguard;

import static cn.huoxian.db.Tables.CLAIMED_POST;

import java.time.LocalDate;
import java.util.List;

import cn.huoxian.db.tables.records.ClaimedPostRecord;
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

/** Key posts claimed by party members (认领岗位), held until released. */
@Service
public class ClaimedPosts {

	private static final Field<String> PERSON_NAME = People.nameOf(CLAIMED_POST.PERSON_ID).as("person_name");

	private static final Field<String> REGION_CODE = Regions.codeOf(CLAIMED_POST.REGION_ID).as("region_code");

	private static final Field<String> REGION_NAME = Regions.nameOf(CLAIMED_POST.REGION_ID).as("region_name");

	private final DSLContext db;

	private final VanguardChecks rules;

	private final Forms forms;

	ClaimedPosts(DSLContext db, VanguardChecks rules, Forms forms) {
		this.db = db;
		this.rules = rules;
		this.forms = forms;
	}

	@Transactional
	public ClaimedPostView claim(ClaimedPostForm form, CurrentUser user) {
		user.requirePeopleEditor();
		PersonView person = rules.partyMember("personId", form.personId(), user.scope());
		forms.check(form);
		String post = form.post().strip();
		LocalDate claimed = rules.orToday(form.claimedOn());
		RegionView region = form.region() == null || form.region().isBlank() ? rules.known(person.regionCode())
				: rules.region("region", form.region(), user.scope());
		user.requireMayWriteIn(region.path(), Messages.text("frontline.what.region", region.code()));
		if (db.fetchExists(CLAIMED_POST,
				CLAIMED_POST.PERSON_ID.eq(person.id())
					.and(CLAIMED_POST.REGION_ID.eq(region.id()))
					.and(CLAIMED_POST.POST.eq(post))
					.and(CLAIMED_POST.RELEASED_ON.isNull()))) {
			throw new RuleViolationException(Messages.text("frontline.claimed.already-held", person.name(), post));
		}
		ClaimedPostRecord record = db.newRecord(CLAIMED_POST);
		record.setPersonId(person.id());
		record.setPost(post);
		record.setRegionId(region.id());
		record.setPath(region.path().value());
		record.setClaimedOn(claimed);
		record.setCreatedBy(user.username());
		record.store();
		return find(record.getId(), user.scope());
	}

	/**
	 * Claimed posts under a region (default: the user's first root); held ones unless
	 * all.
	 */
	public PageResult<ClaimedPostView> list(String regionCode, boolean all, int page, int size, DataScope scope) {
		PageResult.check(page, size);
		Condition where = scope.regionCondition(CLAIMED_POST.PATH)
			.and(DataScope.under(CLAIMED_POST.PATH, rules.listPath(regionCode, scope)));
		if (!all) {
			where = where.and(CLAIMED_POST.RELEASED_ON.isNull());
		}
		long total = db.fetchCount(CLAIMED_POST, where);
		List<ClaimedPostView> items = select().where(where)
			.orderBy(CLAIMED_POST.PATH, CLAIMED_POST.ID)
			.limit(size)
			.offset((long) page * size)
			.fetch(ClaimedPosts::view);
		return new PageResult<>(items, total, page, size);
	}

	public ClaimedPostView find(long id, DataScope scope) {
		Record row = select().where(CLAIMED_POST.ID.eq(id)).fetchOne();
		if (row == null || !scope.coversRegion(RegionPath.of(row.get(CLAIMED_POST.PATH)))) {
			throw new NotFoundException(Messages.text("frontline.what.claimed-post", id));
		}
		return view(row);
	}

	/** Releases the post (default today, not before it was claimed); twice is refused. */
	@Transactional
	public ClaimedPostView release(long id, LocalDate releasedOn, CurrentUser user) {
		ClaimedPostRecord record = db.fetchOne(CLAIMED_POST, CLAIMED_POST.ID.eq(id));
		if (record == null) {
			throw new NotFoundException(Messages.text("frontline.what.claimed-post", id));
		}
		user.requireMayWriteIn(RegionPath.of(record.getPath()), Messages.text("frontline.what.claimed-post", id));
		if (record.getReleasedOn() != null) {
			throw new RuleViolationException(
					Messages.text("frontline.claimed.already-released", id, record.getReleasedOn()));
		}
		LocalDate day = rules.dateOrToday("releasedOn", releasedOn);
		if (day.isBefore(record.getClaimedOn())) {
			throw new InvalidInputException("releasedOn",
					Messages.text("frontline.claimed.released-before-claimed", record.getClaimedOn()));
		}
		record.setReleasedOn(day);
		record.store();
		return find(id, user.scope());
	}

	private org.jooq.SelectJoinStep<Record> select() {
		return db.select(CLAIMED_POST.fields()).select(PERSON_NAME, REGION_CODE, REGION_NAME).from(CLAIMED_POST);
	}

	private static ClaimedPostView view(Record r) {
		return new ClaimedPostView(r.get(CLAIMED_POST.ID), r.get(CLAIMED_POST.PERSON_ID), r.get(PERSON_NAME),
				r.get(CLAIMED_POST.POST), r.get(REGION_CODE), r.get(REGION_NAME),
				RegionPath.of(r.get(CLAIMED_POST.PATH)), r.get(CLAIMED_POST.CLAIMED_ON),
				r.get(CLAIMED_POST.RELEASED_ON), r.get(CLAIMED_POST.CREATED_BY));
	}

}

package cn.huoxian.vanguard;

import static cn.huoxian.db.Tables.MODEL_POST;

import java.time.LocalDate;
import java.util.List;

import cn.huoxian.db.tables.records.ModelPostRecord;
import cn.huoxian.org.PartyOrganisationView;
import cn.huoxian.org.PartyOrganisations;
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

/** Model posts (党员示范岗) of party organisations, held by party members. */
@Service
public class ModelPosts {

	private static final Field<String> ORGANISATION_NAME = PartyOrganisations.nameOf(MODEL_POST.PARTY_ORGANISATION_ID)
		.as("organisation_name");

	private static final Field<String> HOLDER_NAME = People.nameOf(MODEL_POST.HOLDER_ID).as("holder_name");

	private static final Field<String> REGION_CODE = Regions.codeOf(MODEL_POST.REGION_ID).as("region_code");

	private static final Field<String> REGION_NAME = Regions.nameOf(MODEL_POST.REGION_ID).as("region_name");

	private final DSLContext db;

	private final VanguardChecks rules;

	private final Forms forms;

	ModelPosts(DSLContext db, VanguardChecks rules, Forms forms) {
		this.db = db;
		this.rules = rules;
		this.forms = forms;
	}

	@Transactional
	public ModelPostView create(ModelPostForm form, CurrentUser user) {
		user.requirePeopleEditor();
		forms.check(form);
		String name = form.name().strip();
		LocalDate designated = rules.orToday(form.designatedOn());
		PartyOrganisationView org = rules.organisation("partyOrganisationId", form.partyOrganisationId(), user.scope());
		PersonView holder = rules.partyMember("holderId", form.holderId(), user.scope());
		RegionView region = form.region() == null || form.region().isBlank() ? rules.known(org.regionCode())
				: rules.region("region", form.region(), user.scope());
		if (!region.path().isWithin(org.path())) {
			throw new RuleViolationException(Messages.text("frontline.model-post.region-outside-organisation",
					region.code(), region.name(), org.name()));
		}
		user.requireMayWriteIn(region.path(), Messages.text("frontline.what.region", region.code()));
		ModelPostRecord post = db.newRecord(MODEL_POST);
		post.setName(name);
		post.setPartyOrganisationId(org.id());
		post.setHolderId(holder.id());
		post.setRegionId(region.id());
		post.setPath(region.path().value());
		post.setDesignatedOn(designated);
		post.setCreatedBy(user.username());
		post.store();
		return find(post.getId(), user.scope());
	}

	/**
	 * Model posts under a region (default: the user's first root); current ones unless
	 * all.
	 */
	public PageResult<ModelPostView> list(String regionCode, boolean all, int page, int size, DataScope scope) {
		PageResult.check(page, size);
		Condition where = scope.regionCondition(MODEL_POST.PATH)
			.and(DataScope.under(MODEL_POST.PATH, rules.listPath(regionCode, scope)));
		if (!all) {
			where = where.and(MODEL_POST.ENDED_ON.isNull());
		}
		long total = db.fetchCount(MODEL_POST, where);
		List<ModelPostView> items = select().where(where)
			.orderBy(MODEL_POST.PATH, MODEL_POST.ID)
			.limit(size)
			.offset((long) page * size)
			.fetch(ModelPosts::view);
		return new PageResult<>(items, total, page, size);
	}

	public ModelPostView find(long id, DataScope scope) {
		Record row = select().where(MODEL_POST.ID.eq(id)).fetchOne();
		if (row == null || !scope.coversRegion(RegionPath.of(row.get(MODEL_POST.PATH)))) {
			throw new NotFoundException(Messages.text("frontline.what.model-post", id));
		}
		return view(row);
	}

	/**
	 * Ends a model post (default today, not before it was designated); twice is refused.
	 */
	@Transactional
	public ModelPostView end(long id, LocalDate endedOn, CurrentUser user) {
		ModelPostRecord post = db.fetchOne(MODEL_POST, MODEL_POST.ID.eq(id));
		if (post == null) {
			throw new NotFoundException(Messages.text("frontline.what.model-post", id));
		}
		user.requireMayWriteIn(RegionPath.of(post.getPath()), Messages.text("frontline.what.model-post", id));
		if (post.getEndedOn() != null) {
			throw new RuleViolationException(
					Messages.text("frontline.model-post.already-ended", id, post.getEndedOn()));
		}
		LocalDate day = rules.dateOrToday("endedOn", endedOn);
		if (day.isBefore(post.getDesignatedOn())) {
			throw new InvalidInputException("endedOn",
					Messages.text("frontline.model-post.ended-before-designated", post.getDesignatedOn()));
		}
		post.setEndedOn(day);
		post.store();
		return find(id, user.scope());
	}

	private org.jooq.SelectJoinStep<Record> select() {
		return db.select(MODEL_POST.fields())
			.select(ORGANISATION_NAME, HOLDER_NAME, REGION_CODE, REGION_NAME)
			.from(MODEL_POST);
	}

	private static ModelPostView view(Record r) {
		return new ModelPostView(r.get(MODEL_POST.ID), r.get(MODEL_POST.NAME), r.get(MODEL_POST.PARTY_ORGANISATION_ID),
				r.get(ORGANISATION_NAME), r.get(MODEL_POST.HOLDER_ID), r.get(HOLDER_NAME), r.get(REGION_CODE),
				r.get(REGION_NAME), RegionPath.of(r.get(MODEL_POST.PATH)), r.get(MODEL_POST.DESIGNATED_ON),
				r.get(MODEL_POST.ENDED_ON), r.get(MODEL_POST.CREATED_BY));
	}

}

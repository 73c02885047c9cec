package cn.huoxian.liaison;

import static cn.huoxian.db.Tables.PAIRING;
import static cn.huoxian.db.Tables.SHORTAGE;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import cn.huoxian.db.tables.records.PairingRecord;
import cn.huoxian.db.tables.records.ShortageRecord;
import cn.huoxian.org.RegionView;
import cn.huoxian.org.UnitView;
import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.DataScope;
import cn.huoxian.shared.Forms;
import cn.huoxian.shared.InvalidInputException;
import cn.huoxian.shared.Messages;
import cn.huoxian.shared.NotFoundException;
import cn.huoxian.shared.PageResult;
import cn.huoxian.shared.RegionPath;
import cn.huoxian.shared.RuleViolationException;
import cn.huoxian.shared.Text;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A community's shortages of protective supplies or manpower, raised to its paired unit
 * (OPEN), answered by the unit (ANSWERED) and resolved (RESOLVED, published as
 * {@link Events.ShortageResolved}). Visible where the pairing is.
 */
@Service
public class Shortages {

	/** Shortages not yet resolved. */
	public static final List<String> OPEN = List.of("OPEN", "ANSWERED");

	private final DSLContext db;

	private final Pairings pairings;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final PairingNames names;

	private final Forms forms;

	Shortages(DSLContext db, Pairings pairings, ApplicationEventPublisher events, Clock clock, PairingNames names,
			Forms forms) {
		this.names = names;
		this.db = db;
		this.pairings = pairings;
		this.events = events;
		this.clock = clock;
		this.forms = forms;
	}

	/** Region staff or grid workers of the community raise a shortage to the unit. */
	@Transactional
	public ShortageView raise(long pairingId, ShortageForm form, CurrentUser user) {
		PairingRecord pairing = pairings.raw(pairingId);
		Pairings.requireCommunity(user, RegionPath.of(pairing.getPath()),
				Messages.text("pairing.what.pairing", pairingId));
		forms.check(form);
		long id = db.insertInto(SHORTAGE)
			.set(SHORTAGE.PAIRING_ID, pairingId)
			.set(SHORTAGE.PATH, pairing.getPath())
			.set(SHORTAGE.KIND, form.kind().name())
			.set(SHORTAGE.ITEM, form.item().strip())
			.set(SHORTAGE.QUANTITY, form.quantity())
			.set(SHORTAGE.NOTE, Text.orNull(form.note()))
			.set(SHORTAGE.STATUS, "OPEN")
			.set(SHORTAGE.RAISED_BY, user.username())
			.set(SHORTAGE.RAISED_AT, OffsetDateTime.now(clock))
			.returning(SHORTAGE.ID)
			.fetchOne(SHORTAGE.ID);
		return find(id, user.scope());
	}

	/** The paired unit (or region staff) answers: what it will send, and when. */
	@Transactional
	public ShortageView answer(long id, String answer, CurrentUser user) {
		ShortageRecord shortage = writable(id, user);
		if ("RESOLVED".equals(shortage.getStatus())) {
			throw new RuleViolationException(Messages.text("shortage.rule.resolved", id));
		}
		if (answer == null || answer.isBlank()) {
			throw new InvalidInputException("answer", Messages.text("problem.required"));
		}
		checkAnswer(answer);
		db.update(SHORTAGE)
			.set(SHORTAGE.ANSWER, answer.strip())
			.set(SHORTAGE.ANSWERED_BY, user.username())
			.set(SHORTAGE.ANSWERED_AT, OffsetDateTime.now(clock))
			.set(SHORTAGE.STATUS, "ANSWERED")
			.where(SHORTAGE.ID.eq(id))
			.execute();
		return find(id, user.scope());
	}

	/** The paired unit (or region staff) resolves the shortage, once. */
	@Transactional
	public ShortageView resolve(long id, String answer, CurrentUser user) {
		ShortageRecord shortage = writable(id, user);
		if ("RESOLVED".equals(shortage.getStatus())) {
			throw new RuleViolationException(Messages.text("shortage.rule.resolved", id));
		}
		OffsetDateTime now = OffsetDateTime.now(clock);
		var update = db.update(SHORTAGE)
			.set(SHORTAGE.STATUS, "RESOLVED")
			.set(SHORTAGE.RESOLVED_BY, user.username())
			.set(SHORTAGE.RESOLVED_AT, now);
		if (answer != null && !answer.isBlank()) {
			checkAnswer(answer);
			update = update.set(SHORTAGE.ANSWER, answer.strip());
			if (shortage.getAnsweredAt() == null) {
				update = update.set(SHORTAGE.ANSWERED_BY, user.username()).set(SHORTAGE.ANSWERED_AT, now);
			}
		}
		int changed = update.where(SHORTAGE.ID.eq(id).and(SHORTAGE.STATUS.ne("RESOLVED"))).execute();
		if (changed == 0) {
			throw new RuleViolationException(Messages.text("shortage.rule.resolved", id));
		}
		long unitId = db.select(PAIRING.UNIT_ID)
			.from(PAIRING)
			.where(PAIRING.ID.eq(shortage.getPairingId()))
			.fetchOne(PAIRING.UNIT_ID);
		events.publishEvent(new Events.ShortageResolved(id, shortage.getPairingId(), unitId, now));
		return find(id, user.scope());
	}

	private static void checkAnswer(String answer) {
		if (answer.strip().length() > 500) {
			throw new InvalidInputException("answer", Messages.text("problem.field.too-long", 500));
		}
	}

	public ShortageView find(long id, DataScope scope) {
		List<ShortageView> found = views(SHORTAGE.ID.eq(id), 0, 1);
		if (found.isEmpty() || !Pairings.visible(found.get(0).path(), found.get(0).unitId(), scope)) {
			throw new NotFoundException(Messages.text("shortage.what.shortage", id));
		}
		return found.get(0);
	}

	/**
	 * Shortages in scope, optionally under a region path, of one status ("OPEN" means not
	 * yet resolved, i.e. OPEN or ANSWERED), of one unit; newest first.
	 */
	public PageResult<ShortageView> list(RegionPath regionPath, String status, Long unitId, int page, int size,
			DataScope scope) {
		PageResult.check(page, size);
		Condition where = Pairings.filter(regionPath, unitId, scope);
		if (status != null && !status.isBlank()) {
			where = switch (status.strip()) {
				case "OPEN" -> where.and(SHORTAGE.STATUS.in(OPEN));
				case "ANSWERED", "RESOLVED" -> where.and(SHORTAGE.STATUS.eq(status.strip()));
				default -> throw new InvalidInputException("status", Messages.text("shortage.field.status"));
			};
		}
		long total = db.fetchCount(db.select(SHORTAGE.ID)
			.from(SHORTAGE)
			.join(PAIRING)
			.on(PAIRING.ID.eq(SHORTAGE.PAIRING_ID))
			.where(where));
		return new PageResult<>(views(where, page, size), total, page, size);
	}

	/** The shortages raised through one pairing, newest first. */
	public List<ShortageView> forPairing(long pairingId, DataScope scope) {
		pairings.record(pairingId, scope);
		return views(SHORTAGE.PAIRING_ID.eq(pairingId), 0, PageResult.MAX_SIZE);
	}

	private ShortageRecord writable(long id, CurrentUser user) {
		ShortageRecord shortage = db.fetchOne(SHORTAGE, SHORTAGE.ID.eq(id));
		if (shortage == null) {
			throw new NotFoundException(Messages.text("shortage.what.shortage", id));
		}
		PairingRecord pairing = pairings.raw(shortage.getPairingId());
		user.requireMayWriteInOrForUnit(RegionPath.of(pairing.getPath()), pairing.getUnitId(),
				Messages.text("shortage.what.shortage", id));
		return shortage;
	}

	private List<ShortageView> views(Condition where, int page, int size) {
		var rows = db.select(SHORTAGE.fields())
			.select(PAIRING.UNIT_ID, PAIRING.COMMUNITY_ID)
			.from(SHORTAGE)
			.join(PAIRING)
			.on(PAIRING.ID.eq(SHORTAGE.PAIRING_ID))
			.where(where)
			.orderBy(SHORTAGE.RAISED_AT.desc(), SHORTAGE.ID.desc())
			.limit(size)
			.offset((long) page * size)
			.fetch();
		PairingNames.Batch named = names.of(rows, r -> r.get(PAIRING.UNIT_ID), r -> r.get(PAIRING.COMMUNITY_ID),
				List.of());
		return rows.map(r -> view(r, named));
	}

	private static ShortageView view(Record r, PairingNames.Batch named) {
		UnitView unit = named.unit(r.get(PAIRING.UNIT_ID));
		RegionView community = named.community(r.get(PAIRING.COMMUNITY_ID));
		return new ShortageView(r.get(SHORTAGE.ID), r.get(SHORTAGE.PAIRING_ID), r.get(PAIRING.UNIT_ID), unit.code(),
				unit.name(), community.code(), community.name(), RegionPath.of(r.get(SHORTAGE.PATH)),
				ShortageKind.valueOf(r.get(SHORTAGE.KIND)), r.get(SHORTAGE.ITEM), r.get(SHORTAGE.QUANTITY),
				r.get(SHORTAGE.NOTE), r.get(SHORTAGE.STATUS), r.get(SHORTAGE.RAISED_BY), r.get(SHORTAGE.RAISED_AT),
				r.get(SHORTAGE.ANSWER), r.get(SHORTAGE.ANSWERED_BY), r.get(SHORTAGE.ANSWERED_AT),
				r.get(SHORTAGE.RESOLVED_BY), r.get(SHORTAGE.RESOLVED_AT));
	}

}

package cn.huoxian.supplies;

import static cn.huoxian.db.Tables.SUPPLY_ITEM;
import static cn.huoxian.db.Tables.SUPPLY_MOVEMENT;
import static cn.huoxian.db.Tables.SUPPLY_REQUEST;
import static cn.huoxian.db.Tables.SUPPLY_STOCK;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.huoxian.db.tables.records.SupplyRequestRecord;
import cn.huoxian.liaison.Pairings;
import cn.huoxian.liaison.ShortageKind;
import cn.huoxian.liaison.ShortageView;
import cn.huoxian.liaison.Shortages;
import cn.huoxian.org.RegionLevel;
import cn.huoxian.org.RegionView;
import cn.huoxian.org.Regions;
import cn.huoxian.org.UnitView;
import cn.huoxian.org.Units;
import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.DataScope;
import cn.huoxian.shared.ForbiddenException;
import cn.huoxian.shared.InvalidInputException;
import cn.huoxian.shared.InvalidInputException.FieldProblem;
import cn.huoxian.shared.Messages;
import cn.huoxian.shared.NotFoundException;
import cn.huoxian.shared.PageResult;
import cn.huoxian.shared.ReferenceNotFoundException;
import cn.huoxian.shared.RegionPath;
import cn.huoxian.shared.RuleViolationException;
import jakarta.annotation.Nullable;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Protective supplies (ADR 41): stocks received at a region, requests from villages and
 * communities, allocation from a stock of a region above the community (taken in one
 * conditional update, so a stock never goes below zero however many allocate at once),
 * delivery confirmed by the community (into its own stock), rejection with a reason.
 * Every change of a stock is a row of the ledger. Who may: the roles that report daily
 * (region staff, the administrator) within their scope.
 */
@Service
public class Supplies {

	/** A request open longer than this is flagged. */
	static final Duration OVERDUE = Duration.ofDays(1);

	private static final long MAX_QUANTITY = 10_000_000;

	private final DSLContext db;

	private final Regions regions;

	private final Units units;

	private final Pairings pairings;

	private final Shortages shortages;

	private final Clock clock;

	Supplies(DSLContext db, Regions regions, Units units, Pairings pairings, Shortages shortages, Clock clock) {
		this.db = db;
		this.regions = regions;
		this.units = units;
		this.pairings = pairings;
		this.shortages = shortages;
		this.clock = clock;
	}

	/** A region's own store: the unit id of a stock no unit holds. */
	static final long REGION_STORE = 0;

	/** An item that can be stocked and requested. */
	public record Item(long id, String code, String name, String unit) {
	}

	/**
	 * A stock of an item at a region, held by the region's own store or (with
	 * {@code unitId}) by a unit there.
	 */
	public record Stock(long id, String region, String regionName, @Nullable Long unitId, @Nullable String unitName,
			Item item, long quantity) {
	}

	/** A request as read, {@code overdue} when open longer than a day. */
	public record RequestView(long id, String region, String regionName, Item item, long quantity, String urgency,
			@Nullable String note, String status, String raisedBy, OffsetDateTime raisedAt, @Nullable String fromRegion,
			@Nullable String allocatedBy, @Nullable OffsetDateTime allocatedAt, @Nullable String deliveredBy,
			@Nullable OffsetDateTime deliveredAt, @Nullable String reason, boolean overdue, @Nullable String fromUnit,
			@Nullable Long shortageId) {
	}

	/** A line of the ledger. */
	public record Movement(long id, String region, Item item, long delta, String kind, @Nullable Long requestId,
			String by, OffsetDateTime at, @Nullable String note) {
	}

	/** What a community asks for. */
	public record RequestForm(@Nullable String regionCode, @Nullable Long itemId, @Nullable Long quantity,
			@Nullable String urgency, @Nullable String note) {
	}

	public List<Item> items() {
		return db.selectFrom(SUPPLY_ITEM).orderBy(SUPPLY_ITEM.ID).fetch(r -> item(r));
	}

	/**
	 * Adds an item that can be stocked and requested (the administrator): a code of
	 * capital letters, digits and underscores, unique (one is given when none is sent); a
	 * name; the unit it is counted in.
	 */
	@Transactional
	public Item addItem(@Nullable String code, @Nullable String name, @Nullable String unitLabel, CurrentUser user) {
		user.requireAdministrator("supply.action.add-item");
		List<FieldProblem> problems = new ArrayList<>();
		String c = code == null || code.isBlank() ? freeItemCode() : code.strip().toUpperCase(java.util.Locale.ROOT);
		if (!c.matches("[A-Z][A-Z0-9_]{1,39}")) {
			problems.add(new FieldProblem("code", Messages.text("supply.problem.item-code")));
		}
		else if (db.fetchExists(SUPPLY_ITEM, SUPPLY_ITEM.CODE.eq(c))) {
			problems.add(new FieldProblem("code", Messages.text("supply.problem.item-taken", c)));
		}
		checkText(problems, "name", name, 100);
		checkText(problems, "unitLabel", unitLabel, 20);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		long id = db.insertInto(SUPPLY_ITEM, SUPPLY_ITEM.CODE, SUPPLY_ITEM.NAME, SUPPLY_ITEM.UNIT_LABEL)
			.values(c, name.strip(), unitLabel.strip())
			.returning(SUPPLY_ITEM.ID)
			.fetchOne(SUPPLY_ITEM.ID);
		return item(id);
	}

	/** A code for an item added on the page, where nobody types one: ITEM_5, ITEM_6... */
	private String freeItemCode() {
		int n = db.fetchCount(SUPPLY_ITEM) + 1;
		while (db.fetchExists(SUPPLY_ITEM, SUPPLY_ITEM.CODE.eq("ITEM_" + n))) {
			n++;
		}
		return "ITEM_" + n;
	}

	private static void checkText(List<FieldProblem> problems, String field, @Nullable String value, int max) {
		if (value == null || value.isBlank()) {
			problems.add(new FieldProblem(field, Messages.text("problem.required")));
		}
		else if (value.strip().length() > max) {
			problems.add(new FieldProblem(field, Messages.text("problem.field.too-long", max)));
		}
	}

	/** Adds a quantity received to the stock of an item at a region in scope. */
	@Transactional
	public Stock receive(String regionCode, @Nullable Long itemId, @Nullable Long quantity, @Nullable String note,
			CurrentUser user) {
		RegionView region = regions.resolve("regionCode", regionCode, user.scope());
		requireRole(user);
		Item item = item(itemId);
		List<FieldProblem> problems = new ArrayList<>();
		checkQuantity(problems, quantity);
		checkNote(problems, "note", note);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return add(stockFor(region, REGION_STORE, item), quantity, note, user);
	}

	/**
	 * Adds a quantity received to a unit's own stock of an item: the unit's staff, or
	 * region staff over the unit's region.
	 */
	@Transactional
	public Stock receiveAtUnit(@Nullable Long unitId, @Nullable Long itemId, @Nullable Long quantity,
			@Nullable String note, CurrentUser user) {
		UnitView unit = units.resolve("unitId", unitId, user.scope());
		requireForUnit(user, unit);
		Item item = item(itemId);
		List<FieldProblem> problems = new ArrayList<>();
		checkQuantity(problems, quantity);
		checkNote(problems, "note", note);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		RegionView region = regions.byCode(unit.regionCode()).orElseThrow();
		return add(stockFor(region, unit.id(), item), quantity, note, user);
	}

	private Stock add(long stock, long quantity, @Nullable String note, CurrentUser user) {
		db.update(SUPPLY_STOCK)
			.set(SUPPLY_STOCK.QUANTITY, SUPPLY_STOCK.QUANTITY.plus(quantity))
			.where(SUPPLY_STOCK.ID.eq(stock))
			.execute();
		move(stock, quantity, "RECEIVED", null, user, note);
		return stock(stock);
	}

	/** A unit's own stocks (its staff, or region staff over its region). */
	@Transactional(readOnly = true)
	public List<Stock> unitStocks(@Nullable Long unitId, CurrentUser user) {
		UnitView unit = units.resolve("unitId", unitId, user.scope());
		return stocks(SUPPLY_STOCK.UNIT_ID.eq(unit.id()));
	}

	/** The stocks at and below a region in scope, by place and item. */
	@Transactional(readOnly = true)
	public List<Stock> stocks(@Nullable String regionCode, CurrentUser user) {
		RegionView region = regions.findOrFirstRoot(regionCode, user.scope());
		return stocks(DataScope.under(SUPPLY_STOCK.PATH, region.path()));
	}

	private List<Stock> stocks(Condition where) {
		var rows = db.select(SUPPLY_STOCK.fields())
			.select(SUPPLY_ITEM.fields())
			.from(SUPPLY_STOCK)
			.join(SUPPLY_ITEM)
			.on(SUPPLY_ITEM.ID.eq(SUPPLY_STOCK.ITEM_ID))
			.where(where)
			.orderBy(SUPPLY_STOCK.PATH, SUPPLY_STOCK.UNIT_ID, SUPPLY_STOCK.ITEM_ID)
			.limit(PageResult.MAX_SIZE)
			.fetch();
		Map<Long, RegionView> places = regions.views(rows.stream().map(r -> r.get(SUPPLY_STOCK.REGION_ID)).toList());
		Map<Long, String> unitNames = units.names(
				rows.stream().map(r -> r.get(SUPPLY_STOCK.UNIT_ID)).filter(u -> u != REGION_STORE).distinct().toList());
		return rows.stream()
			.map(r -> stock(r, places.get(r.get(SUPPLY_STOCK.REGION_ID)), unitNames.get(r.get(SUPPLY_STOCK.UNIT_ID))))
			.toList();
	}

	/** A village or community in scope asks for an item. */
	@Transactional
	public RequestView request(RequestForm form, CurrentUser user) {
		RegionView community = regions.resolve("regionCode", form.regionCode(), user.scope());
		requireRole(user);
		List<FieldProblem> problems = new ArrayList<>();
		if (community.level() != RegionLevel.VILLAGE) {
			problems.add(new FieldProblem("regionCode", Messages.text("supply.problem.community", community.name())));
		}
		Item item = item(form.itemId());
		checkQuantity(problems, form.quantity());
		String urgency = form.urgency() == null || form.urgency().isBlank() ? "NORMAL" : form.urgency().strip();
		if (!List.of("NORMAL", "URGENT").contains(urgency)) {
			problems.add(new FieldProblem("urgency", Messages.text("problem.field.unknown-value", urgency)));
		}
		checkNote(problems, "note", form.note());
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return find(raise(community, item, form.quantity(), urgency, form.note(), null, user).getId(), user);
	}

	private SupplyRequestRecord raise(RegionView community, Item item, long quantity, String urgency,
			@Nullable String note, @Nullable Long shortageId, CurrentUser user) {
		SupplyRequestRecord request = db.newRecord(SUPPLY_REQUEST);
		request.setRegionId(community.id());
		request.setPath(community.path().value());
		request.setItemId(item.id());
		request.setQuantity(quantity);
		request.setUrgency(urgency);
		request.setNote(blankToNull(note));
		request.setStatus("OPEN");
		request.setRaisedBy(user.username());
		request.setRaisedAt(OffsetDateTime.now(clock));
		request.setShortageId(shortageId);
		request.store();
		return request;
	}

	/**
	 * Allocates an open request from the stock of a region above the community (in the
	 * user's scope): the request is claimed and the quantity taken from the stock in one
	 * transaction, the stock's update conditional on holding enough (422 when it does
	 * not: nothing changes).
	 */
	@Transactional
	public RequestView allocate(long requestId, @Nullable String fromRegionCode, CurrentUser user) {
		SupplyRequestRecord request = visible(requestId, user);
		RegionView from = regions.resolve("fromRegionCode", fromRegionCode, user.scope());
		requireRole(user);
		RegionPath community = RegionPath.of(request.getPath());
		if (!community.isWithin(from.path()) || community.equals(from.path())) {
			throw new InvalidInputException("fromRegionCode", Messages.text("supply.problem.from-above", from.name()));
		}
		Long stock = db.select(SUPPLY_STOCK.ID)
			.from(SUPPLY_STOCK)
			.where(SUPPLY_STOCK.REGION_ID.eq(from.id())
				.and(SUPPLY_STOCK.UNIT_ID.eq(REGION_STORE))
				.and(SUPPLY_STOCK.ITEM_ID.eq(request.getItemId())))
			.fetchOne(SUPPLY_STOCK.ID);
		take(request, stock, from.name(), user);
		return find(requestId, user);
	}

	/**
	 * Allocates an open request from the stock of the unit paired with the community
	 * (包联): that unit's staff, or region staff over the community; 422 when the community
	 * has no paired unit or the unit holds too little.
	 */
	@Transactional
	public RequestView allocateFromUnit(long requestId, CurrentUser user) {
		SupplyRequestRecord request = visible(requestId, user);
		UnitView unit = pairedUnit(request);
		requireForUnitOrCommunity(user, unit, RegionPath.of(request.getPath()));
		take(request, unitStock(unit, request.getItemId()), unit.name(), user);
		return find(requestId, user);
	}

	/**
	 * A community's shortage of protective supplies raised to its paired unit, answered
	 * by an allocation from the unit's stock: a request for the community (marked with
	 * the shortage) allocated at once, and the shortage answered with what was sent; the
	 * community's delivery confirmation resolves the shortage.
	 */
	@Transactional
	public RequestView answerShortage(long shortageId, @Nullable Long itemId, @Nullable Long quantity,
			CurrentUser user) {
		ShortageView shortage;
		try {
			shortage = shortages.find(shortageId, user.scope());
		}
		catch (NotFoundException ex) {
			// the new request refers to the shortage: answered as a reference
			throw new ReferenceNotFoundException("shortageId");
		}
		if (shortage.kind() != ShortageKind.PROTECTIVE_SUPPLIES || !shortage.open()) {
			throw new RuleViolationException(Messages.text("supply.problem.shortage", shortageId));
		}
		UnitView unit = units.fetch(shortage.unitId()).orElseThrow();
		requireForUnitOrCommunity(user, unit, shortage.path());
		Item item = item(itemId);
		List<FieldProblem> problems = new ArrayList<>();
		checkQuantity(problems, quantity);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		RegionView community = regions.byCode(shortage.communityCode()).orElseThrow();
		SupplyRequestRecord request = raise(community, item, quantity, "URGENT",
				Messages.text("supply.shortage-note", shortage.item(), shortage.quantity()), shortageId, user);
		take(request, unitStock(unit, item.id()), unit.name(), user);
		shortages.answer(shortageId,
				Messages.text("supply.shortage-answer", unit.name(), item.name(), quantity, item.unit()), user);
		return find(request.getId(), user);
	}

	/**
	 * Claims an open request and takes its quantity from a stock, in the caller's
	 * transaction: the stock's update is conditional on holding enough (422 when it does
	 * not, and the claim is rolled back with it).
	 */
	private void take(SupplyRequestRecord request, @Nullable Long stock, String fromName, CurrentUser user) {
		long requestId = request.getId();
		OffsetDateTime now = OffsetDateTime.now(clock);
		int claimed = db.update(SUPPLY_REQUEST)
			.set(SUPPLY_REQUEST.STATUS, "ALLOCATED")
			.set(SUPPLY_REQUEST.STOCK_ID, stock)
			.set(SUPPLY_REQUEST.ALLOCATED_BY, user.username())
			.set(SUPPLY_REQUEST.ALLOCATED_AT, now)
			.where(SUPPLY_REQUEST.ID.eq(requestId).and(SUPPLY_REQUEST.STATUS.eq("OPEN")))
			.execute();
		if (claimed == 0) {
			throw new RuleViolationException(Messages.text("supply.problem.not-open", requestId));
		}
		int taken = stock == null ? 0
				: db.update(SUPPLY_STOCK)
					.set(SUPPLY_STOCK.QUANTITY, SUPPLY_STOCK.QUANTITY.minus(request.getQuantity()))
					.where(SUPPLY_STOCK.ID.eq(stock).and(SUPPLY_STOCK.QUANTITY.ge(request.getQuantity())))
					.execute();
		if (taken == 0) {
			// the claim above is rolled back with this exception
			throw new RuleViolationException(Messages.text("supply.problem.short", fromName,
					item(request.getItemId()).name(), request.getQuantity()));
		}
		move(stock, -request.getQuantity(), "ALLOCATED", requestId, user, null);
	}

	private UnitView pairedUnit(SupplyRequestRecord request) {
		return pairings.unitPairedWith(request.getRegionId())
			.flatMap(units::fetch)
			.orElseThrow(() -> new RuleViolationException(Messages.text("supply.problem.no-paired-unit")));
	}

	private @Nullable Long unitStock(UnitView unit, long itemId) {
		return db.select(SUPPLY_STOCK.ID)
			.from(SUPPLY_STOCK)
			.where(SUPPLY_STOCK.UNIT_ID.eq(unit.id()).and(SUPPLY_STOCK.ITEM_ID.eq(itemId)))
			.fetchOne(SUPPLY_STOCK.ID);
	}

	/** The community confirms an allocated request arrived: into its own stock. */
	@Transactional
	public RequestView deliver(long requestId, CurrentUser user) {
		SupplyRequestRecord request = visible(requestId, user);
		requireRole(user);
		int done = db.update(SUPPLY_REQUEST)
			.set(SUPPLY_REQUEST.STATUS, "DELIVERED")
			.set(SUPPLY_REQUEST.DELIVERED_BY, user.username())
			.set(SUPPLY_REQUEST.DELIVERED_AT, OffsetDateTime.now(clock))
			.where(SUPPLY_REQUEST.ID.eq(requestId).and(SUPPLY_REQUEST.STATUS.eq("ALLOCATED")))
			.execute();
		if (done == 0) {
			throw new RuleViolationException(Messages.text("supply.problem.not-allocated", requestId));
		}
		RegionView community = regions.byId(request.getRegionId()).orElseThrow();
		long stock = stockFor(community, REGION_STORE, item(request.getItemId()));
		db.update(SUPPLY_STOCK)
			.set(SUPPLY_STOCK.QUANTITY, SUPPLY_STOCK.QUANTITY.plus(request.getQuantity()))
			.where(SUPPLY_STOCK.ID.eq(stock))
			.execute();
		move(stock, request.getQuantity(), "DELIVERED", requestId, user, null);
		if (request.getShortageId() != null && shortages.find(request.getShortageId(), user.scope()).open()) {
			shortages.resolve(request.getShortageId(), null, user);
		}
		return find(requestId, user);
	}

	/** Refuses an open request, with a reason. */
	@Transactional
	public RequestView reject(long requestId, @Nullable String reason, CurrentUser user) {
		visible(requestId, user);
		requireRole(user);
		if (reason == null || reason.isBlank() || reason.strip().length() > 500) {
			throw new InvalidInputException("reason", Messages.text("supply.problem.reason"));
		}
		int done = db.update(SUPPLY_REQUEST)
			.set(SUPPLY_REQUEST.STATUS, "REJECTED")
			.set(SUPPLY_REQUEST.REJECTED_BY, user.username())
			.set(SUPPLY_REQUEST.REJECTED_AT, OffsetDateTime.now(clock))
			.set(SUPPLY_REQUEST.REASON, reason.strip())
			.where(SUPPLY_REQUEST.ID.eq(requestId).and(SUPPLY_REQUEST.STATUS.eq("OPEN")))
			.execute();
		if (done == 0) {
			throw new RuleViolationException(Messages.text("supply.problem.not-open", requestId));
		}
		return find(requestId, user);
	}

	/** One request in scope (404 otherwise). */
	@Transactional(readOnly = true)
	public RequestView find(long requestId, CurrentUser user) {
		return views(List.of(visible(requestId, user))).get(0);
	}

	/**
	 * The requests under a region in scope, of a status (all when null), oldest first.
	 */
	@Transactional(readOnly = true)
	public PageResult<RequestView> requests(@Nullable String regionCode, @Nullable String status, int page, int size,
			CurrentUser user) {
		PageResult.check(page, size);
		RegionView region = regions.findOrFirstRoot(regionCode, user.scope());
		return requests(DataScope.under(SUPPLY_REQUEST.PATH, region.path()), status, page, size);
	}

	/**
	 * The requests of the communities a unit is paired with (its staff, or region staff
	 * over its region), of a status (all when null), oldest first.
	 */
	@Transactional(readOnly = true)
	public PageResult<RequestView> unitRequests(@Nullable Long unitId, @Nullable String status, int page, int size,
			CurrentUser user) {
		PageResult.check(page, size);
		UnitView unit = units.resolve("unitId", unitId, user.scope());
		return requests(SUPPLY_REQUEST.REGION_ID.in(pairings.communitiesPairedWith(unit.id())), status, page, size);
	}

	private PageResult<RequestView> requests(Condition where, @Nullable String status, int page, int size) {
		if (status != null && !status.isBlank()) {
			if (!List.of("OPEN", "ALLOCATED", "DELIVERED", "REJECTED").contains(status)) {
				throw new InvalidInputException("status", Messages.text("problem.field.unknown-value", status));
			}
			where = where.and(SUPPLY_REQUEST.STATUS.eq(status));
		}
		long total = db.fetchCount(SUPPLY_REQUEST, where);
		var rows = db.selectFrom(SUPPLY_REQUEST)
			.where(where)
			.orderBy(SUPPLY_REQUEST.ID)
			.limit(size)
			.offset((long) page * size)
			.fetch();
		return new PageResult<>(views(rows), total, page, size);
	}

	/** Open requests under a path (the headline's and the daily report's figure). */
	public long openUnder(RegionPath path) {
		return db.fetchCount(SUPPLY_REQUEST,
				DataScope.under(SUPPLY_REQUEST.PATH, path).and(SUPPLY_REQUEST.STATUS.eq("OPEN")));
	}

	/** The ledger of the stocks at and below a region in scope, newest first. */
	@Transactional(readOnly = true)
	public PageResult<Movement> movements(@Nullable String regionCode, int page, int size, CurrentUser user) {
		PageResult.check(page, size);
		RegionView region = regions.findOrFirstRoot(regionCode, user.scope());
		Condition where = DataScope.under(SUPPLY_STOCK.PATH, region.path());
		long total = db.fetchCount(db.select(SUPPLY_MOVEMENT.ID)
			.from(SUPPLY_MOVEMENT)
			.join(SUPPLY_STOCK)
			.on(SUPPLY_STOCK.ID.eq(SUPPLY_MOVEMENT.STOCK_ID))
			.where(where));
		var rows = db.select(SUPPLY_MOVEMENT.fields())
			.select(SUPPLY_STOCK.REGION_ID, SUPPLY_STOCK.ITEM_ID)
			.from(SUPPLY_MOVEMENT)
			.join(SUPPLY_STOCK)
			.on(SUPPLY_STOCK.ID.eq(SUPPLY_MOVEMENT.STOCK_ID))
			.where(where)
			.orderBy(SUPPLY_MOVEMENT.ID.desc())
			.limit(size)
			.offset((long) page * size)
			.fetch();
		Map<Long, String> codes = regions.codes(rows.stream().map(r -> r.get(SUPPLY_STOCK.REGION_ID)).toList());
		List<Movement> items = rows.stream()
			.map(r -> new Movement(r.get(SUPPLY_MOVEMENT.ID), codes.get(r.get(SUPPLY_STOCK.REGION_ID)),
					item(r.get(SUPPLY_STOCK.ITEM_ID)), r.get(SUPPLY_MOVEMENT.DELTA), r.get(SUPPLY_MOVEMENT.KIND),
					r.get(SUPPLY_MOVEMENT.REQUEST_ID), r.get(SUPPLY_MOVEMENT.MOVED_BY), r.get(SUPPLY_MOVEMENT.MOVED_AT),
					r.get(SUPPLY_MOVEMENT.NOTE)))
			.toList();
		return new PageResult<>(items, total, page, size);
	}

	/** A unit's staff, or region staff over the unit's region. */
	private static void requireForUnit(CurrentUser user, UnitView unit) {
		if (!user.isUnitStaffFor(unit.id()) && !(user.mayReportDaily() && user.scope().coversRegion(unit.path()))) {
			throw new ForbiddenException(Messages.text("supply.problem.role", user.role().label()));
		}
	}

	/** A unit's staff, or region staff over the community it serves. */
	private static void requireForUnitOrCommunity(CurrentUser user, UnitView unit, RegionPath community) {
		if (!user.isUnitStaffFor(unit.id()) && !(user.mayReportDaily() && user.scope().coversRegion(community))) {
			throw new ForbiddenException(Messages.text("supply.problem.role", user.role().label()));
		}
	}

	private void requireRole(CurrentUser user) {
		if (!user.mayReportDaily()) {
			throw new ForbiddenException(Messages.text("supply.problem.role", user.role().label()));
		}
	}

	private SupplyRequestRecord visible(long requestId, CurrentUser user) {
		SupplyRequestRecord request = db.fetchOne(SUPPLY_REQUEST, SUPPLY_REQUEST.ID.eq(requestId));
		if (request == null || !(user.scope().coversRegion(RegionPath.of(request.getPath())) || user.isUnitStaff()
				&& pairings.unitPairedWith(request.getRegionId()).map(u -> user.scope().coversUnit(u)).orElse(false))) {
			throw new NotFoundException(Messages.text("supply.what.request", requestId));
		}
		return request;
	}

	private Item item(@Nullable Long itemId) {
		var row = itemId == null ? null : db.fetchOne(SUPPLY_ITEM, SUPPLY_ITEM.ID.eq(itemId));
		if (row == null) {
			throw new ReferenceNotFoundException("itemId");
		}
		return item(row);
	}

	private static Item item(Record r) {
		return new Item(r.get(SUPPLY_ITEM.ID), r.get(SUPPLY_ITEM.CODE), r.get(SUPPLY_ITEM.NAME),
				r.get(SUPPLY_ITEM.UNIT_LABEL));
	}

	/**
	 * The stock of an item held at a region by its own store ({@link #REGION_STORE}) or
	 * by a unit there, created empty the first time.
	 */
	private long stockFor(RegionView region, long unitId, Item item) {
		db.insertInto(SUPPLY_STOCK, SUPPLY_STOCK.REGION_ID, SUPPLY_STOCK.PATH, SUPPLY_STOCK.UNIT_ID,
				SUPPLY_STOCK.ITEM_ID, SUPPLY_STOCK.QUANTITY)
			.values(region.id(), region.path().value(), unitId, item.id(), 0L)
			.onConflictDoNothing()
			.execute();
		return db.select(SUPPLY_STOCK.ID)
			.from(SUPPLY_STOCK)
			.where(SUPPLY_STOCK.REGION_ID.eq(region.id())
				.and(SUPPLY_STOCK.UNIT_ID.eq(unitId))
				.and(SUPPLY_STOCK.ITEM_ID.eq(item.id())))
			.fetchOne(SUPPLY_STOCK.ID);
	}

	private Stock stock(long id) {
		var r = db.select(SUPPLY_STOCK.fields())
			.select(SUPPLY_ITEM.fields())
			.from(SUPPLY_STOCK)
			.join(SUPPLY_ITEM)
			.on(SUPPLY_ITEM.ID.eq(SUPPLY_STOCK.ITEM_ID))
			.where(SUPPLY_STOCK.ID.eq(id))
			.fetchOne();
		long unitId = r.get(SUPPLY_STOCK.UNIT_ID);
		return stock(r, regions.byId(r.get(SUPPLY_STOCK.REGION_ID)).orElseThrow(),
				unitId == REGION_STORE ? null : units.names(List.of(unitId)).get(unitId));
	}

	private static Stock stock(Record r, RegionView region, @Nullable String unitName) {
		long unitId = r.get(SUPPLY_STOCK.UNIT_ID);
		return new Stock(r.get(SUPPLY_STOCK.ID), region.code(), region.name(), unitId == REGION_STORE ? null : unitId,
				unitName, item(r), r.get(SUPPLY_STOCK.QUANTITY));
	}

	private void move(long stock, long delta, String kind, @Nullable Long requestId, CurrentUser user,
			@Nullable String note) {
		db.insertInto(SUPPLY_MOVEMENT, SUPPLY_MOVEMENT.STOCK_ID, SUPPLY_MOVEMENT.DELTA, SUPPLY_MOVEMENT.KIND,
				SUPPLY_MOVEMENT.REQUEST_ID, SUPPLY_MOVEMENT.MOVED_BY, SUPPLY_MOVEMENT.MOVED_AT, SUPPLY_MOVEMENT.NOTE)
			.values(stock, delta, kind, requestId, user.username(), OffsetDateTime.now(clock), blankToNull(note))
			.execute();
	}

	private List<RequestView> views(List<SupplyRequestRecord> rows) {
		Map<Long, RegionView> places = regions.views(rows.stream().map(SupplyRequestRecord::getRegionId).toList());
		List<Long> stocks = rows.stream().map(SupplyRequestRecord::getStockId).filter(s -> s != null).toList();
		Map<Long, Long> stockRegions = new java.util.HashMap<>();
		Map<Long, Long> stockUnits = new java.util.HashMap<>();
		if (!stocks.isEmpty()) {
			db.select(SUPPLY_STOCK.ID, SUPPLY_STOCK.REGION_ID, SUPPLY_STOCK.UNIT_ID)
				.from(SUPPLY_STOCK)
				.where(SUPPLY_STOCK.ID.in(stocks))
				.forEach(r -> {
					stockRegions.put(r.value1(), r.value2());
					if (r.value3() != REGION_STORE) {
						stockUnits.put(r.value1(), r.value3());
					}
				});
		}
		Map<Long, String> fromCodes = regions.codes(stockRegions.values());
		Map<Long, String> fromUnits = units.names(stockUnits.values());
		OffsetDateTime now = OffsetDateTime.now(clock);
		return rows.stream().map(r -> {
			RegionView place = places.get(r.getRegionId());
			return new RequestView(r.getId(), place.code(), place.name(), item(r.getItemId()), r.getQuantity(),
					r.getUrgency(), r.getNote(), r.getStatus(), r.getRaisedBy(), r.getRaisedAt(),
					r.getStockId() == null ? null : fromCodes.get(stockRegions.get(r.getStockId())), r.getAllocatedBy(),
					r.getAllocatedAt(), r.getDeliveredBy(), r.getDeliveredAt(), r.getReason(),
					"OPEN".equals(r.getStatus()) && r.getRaisedAt().plus(OVERDUE).isBefore(now),
					r.getStockId() == null ? null : fromUnits.get(stockUnits.get(r.getStockId())), r.getShortageId());
		}).toList();
	}

	private static void checkQuantity(List<FieldProblem> problems, @Nullable Long quantity) {
		if (quantity == null) {
			problems.add(new FieldProblem("quantity", Messages.text("problem.required")));
		}
		else if (quantity < 1 || quantity > MAX_QUANTITY) {
			problems.add(new FieldProblem("quantity", Messages.text("problem.field.between", 1, MAX_QUANTITY)));
		}
	}

	private static void checkNote(List<FieldProblem> problems, String field, @Nullable String note) {
		if (note != null && note.strip().length() > 500) {
			problems.add(new FieldProblem(field, Messages.text("problem.field.too-long", 500)));
		}
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}

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
import cn.huoxian.org.RegionLevel;
import cn.huoxian.org.RegionView;
import cn.huoxian.org.Regions;
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

	private final Clock clock;

	Supplies(DSLContext db, Regions regions, Clock clock) {
		this.db = db;
		this.regions = regions;
		this.clock = clock;
	}

	/** An item that can be stocked and requested. */
	public record Item(long id, String code, String name, String unit) {
	}

	/** A stock of an item at a region. */
	public record Stock(long id, String region, String regionName, Item item, long quantity) {
	}

	/** A request as read, {@code overdue} when open longer than a day. */
	public record RequestView(long id, String region, String regionName, Item item, long quantity, String urgency,
			@Nullable String note, String status, String raisedBy, OffsetDateTime raisedAt, @Nullable String fromRegion,
			@Nullable String allocatedBy, @Nullable OffsetDateTime allocatedAt, @Nullable String deliveredBy,
			@Nullable OffsetDateTime deliveredAt, @Nullable String reason, boolean overdue) {
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
		long stock = stockFor(region, item);
		db.update(SUPPLY_STOCK)
			.set(SUPPLY_STOCK.QUANTITY, SUPPLY_STOCK.QUANTITY.plus(quantity))
			.where(SUPPLY_STOCK.ID.eq(stock))
			.execute();
		move(stock, quantity, "RECEIVED", null, user, note);
		return stock(stock);
	}

	/** The stocks at and below a region in scope, by place and item. */
	@Transactional(readOnly = true)
	public List<Stock> stocks(@Nullable String regionCode, CurrentUser user) {
		RegionView region = regions.findOrFirstRoot(regionCode, user.scope());
		var rows = db.select(SUPPLY_STOCK.fields())
			.select(SUPPLY_ITEM.fields())
			.from(SUPPLY_STOCK)
			.join(SUPPLY_ITEM)
			.on(SUPPLY_ITEM.ID.eq(SUPPLY_STOCK.ITEM_ID))
			.where(DataScope.under(SUPPLY_STOCK.PATH, region.path()))
			.orderBy(SUPPLY_STOCK.PATH, SUPPLY_STOCK.ITEM_ID)
			.limit(PageResult.MAX_SIZE)
			.fetch();
		Map<Long, RegionView> places = regions.views(rows.stream().map(r -> r.get(SUPPLY_STOCK.REGION_ID)).toList());
		return rows.stream().map(r -> stock(r, places.get(r.get(SUPPLY_STOCK.REGION_ID)))).toList();
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
		SupplyRequestRecord request = db.newRecord(SUPPLY_REQUEST);
		request.setRegionId(community.id());
		request.setPath(community.path().value());
		request.setItemId(item.id());
		request.setQuantity(form.quantity());
		request.setUrgency(urgency);
		request.setNote(blankToNull(form.note()));
		request.setStatus("OPEN");
		request.setRaisedBy(user.username());
		request.setRaisedAt(OffsetDateTime.now(clock));
		request.store();
		return find(request.getId(), user);
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
		OffsetDateTime now = OffsetDateTime.now(clock);
		Long stock = db.select(SUPPLY_STOCK.ID)
			.from(SUPPLY_STOCK)
			.where(SUPPLY_STOCK.REGION_ID.eq(from.id()).and(SUPPLY_STOCK.ITEM_ID.eq(request.getItemId())))
			.fetchOne(SUPPLY_STOCK.ID);
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
			throw new RuleViolationException(Messages.text("supply.problem.short", from.name(),
					item(request.getItemId()).name(), request.getQuantity()));
		}
		move(stock, -request.getQuantity(), "ALLOCATED", requestId, user, null);
		return find(requestId, user);
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
		long stock = stockFor(community, item(request.getItemId()));
		db.update(SUPPLY_STOCK)
			.set(SUPPLY_STOCK.QUANTITY, SUPPLY_STOCK.QUANTITY.plus(request.getQuantity()))
			.where(SUPPLY_STOCK.ID.eq(stock))
			.execute();
		move(stock, request.getQuantity(), "DELIVERED", requestId, user, null);
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
		Condition where = DataScope.under(SUPPLY_REQUEST.PATH, region.path());
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

	private void requireRole(CurrentUser user) {
		if (!user.mayReportDaily()) {
			throw new ForbiddenException(Messages.text("supply.problem.role", user.role().label()));
		}
	}

	private SupplyRequestRecord visible(long requestId, CurrentUser user) {
		SupplyRequestRecord request = db.fetchOne(SUPPLY_REQUEST, SUPPLY_REQUEST.ID.eq(requestId));
		if (request == null || !user.scope().coversRegion(RegionPath.of(request.getPath()))) {
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

	/** The stock of an item at a region, created empty the first time. */
	private long stockFor(RegionView region, Item item) {
		db.insertInto(SUPPLY_STOCK, SUPPLY_STOCK.REGION_ID, SUPPLY_STOCK.PATH, SUPPLY_STOCK.ITEM_ID,
				SUPPLY_STOCK.QUANTITY)
			.values(region.id(), region.path().value(), item.id(), 0L)
			.onConflictDoNothing()
			.execute();
		return db.select(SUPPLY_STOCK.ID)
			.from(SUPPLY_STOCK)
			.where(SUPPLY_STOCK.REGION_ID.eq(region.id()).and(SUPPLY_STOCK.ITEM_ID.eq(item.id())))
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
		return stock(r, regions.byId(r.get(SUPPLY_STOCK.REGION_ID)).orElseThrow());
	}

	private static Stock stock(Record r, RegionView region) {
		return new Stock(r.get(SUPPLY_STOCK.ID), region.code(), region.name(), item(r), r.get(SUPPLY_STOCK.QUANTITY));
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
		Map<Long, Long> stockRegions = stocks.isEmpty() ? Map.of()
				: db.select(SUPPLY_STOCK.ID, SUPPLY_STOCK.REGION_ID)
					.from(SUPPLY_STOCK)
					.where(SUPPLY_STOCK.ID.in(stocks))
					.fetchMap(SUPPLY_STOCK.ID, SUPPLY_STOCK.REGION_ID);
		Map<Long, String> fromCodes = regions.codes(stockRegions.values());
		OffsetDateTime now = OffsetDateTime.now(clock);
		return rows.stream().map(r -> {
			RegionView place = places.get(r.getRegionId());
			return new RequestView(r.getId(), place.code(), place.name(), item(r.getItemId()), r.getQuantity(),
					r.getUrgency(), r.getNote(), r.getStatus(), r.getRaisedBy(), r.getRaisedAt(),
					r.getStockId() == null ? null : fromCodes.get(stockRegions.get(r.getStockId())), r.getAllocatedBy(),
					r.getAllocatedAt(), r.getDeliveredBy(), r.getDeliveredAt(), r.getReason(),
					"OPEN".equals(r.getStatus()) && r.getRaisedAt().plus(OVERDUE).isBefore(now));
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

package cn.huoxian.supplies.web;

import java.util.List;

import cn.huoxian.shared.CurrentUserProvider;
import cn.huoxian.shared.PageResult;
import cn.huoxian.supplies.Supplies;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Protective supplies: items, stocks, requests and their allocation, the ledger. */
@RestController
@RequestMapping("/api/v1/supplies")
class SupplyApi {

	private final Supplies supplies;

	private final CurrentUserProvider users;

	SupplyApi(Supplies supplies, CurrentUserProvider users) {
		this.supplies = supplies;
		this.users = users;
	}

	/** A quantity received into a region's stock. */
	record ReceiveBody(@Min(1) Long itemId, @Min(1) @Max(10_000_000) Long quantity, @Size(max = 500) String note) {
	}

	/** A community's request. */
	record RequestBody_(@Size(max = 20) String regionCode, @Min(1) Long itemId, @Min(1) @Max(10_000_000) Long quantity,
			@Size(max = 8) String urgency, @Size(max = 500) String note) {
	}

	/** Where an allocation is taken from. */
	record AllocateBody(@Size(max = 20) String fromRegionCode) {
	}

	/** An item to stock and request. */
	record ItemBody(@Size(max = 40) String code, @Size(max = 100) String name, @Size(max = 20) String unitLabel) {
	}

	/** What a paired unit sends in answer to a shortage. */
	record ShortageAllocationBody(@Min(1) Long itemId, @Min(1) @Max(10_000_000) Long quantity) {
	}

	/** Why a request is refused. */
	record RejectBody(@Size(max = 500) String reason) {
	}

	@Operation(summary = "The items that can be stocked and requested")
	@GetMapping("/items")
	List<Supplies.Item> items() {
		return supplies.items();
	}

	@Operation(summary = "Add an item that can be stocked and requested (administrator)")
	@PostMapping("/items")
	@ResponseStatus(HttpStatus.CREATED)
	Supplies.Item addItem(@RequestBody ItemBody body) {
		return supplies.addItem(body.code(), body.name(), body.unitLabel(), users.current());
	}

	@Operation(summary = "A unit's own stocks")
	@GetMapping("/units/{unitId}/stocks")
	List<Supplies.Stock> unitStocks(@PathVariable long unitId) {
		return supplies.unitStocks(unitId, users.current());
	}

	@Operation(summary = "Receive a quantity into a unit's own stock")
	@PostMapping("/units/{unitId}/receive")
	Supplies.Stock receiveAtUnit(@PathVariable long unitId, @RequestBody ReceiveBody body) {
		return supplies.receiveAtUnit(unitId, body.itemId(), body.quantity(), body.note(), users.current());
	}

	@Operation(summary = "The requests of the communities a unit is paired with (of a status), oldest first")
	@GetMapping("/units/{unitId}/requests")
	PageResult<Supplies.RequestView> unitRequests(@PathVariable long unitId,
			@RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		return supplies.unitRequests(unitId, status, page, size, users.current());
	}

	@Operation(summary = "Allocate an open request from the stock of the unit paired with the community")
	@PostMapping("/requests/{id}/allocate-from-unit")
	Supplies.RequestView allocateFromUnit(@PathVariable long id) {
		return supplies.allocateFromUnit(id, users.current());
	}

	@Operation(
			summary = "Answer a community's shortage of protective supplies by an allocation from the paired unit's stock")
	@PostMapping("/shortages/{shortageId}/allocate")
	@ResponseStatus(HttpStatus.CREATED)
	Supplies.RequestView answerShortage(@PathVariable long shortageId, @RequestBody ShortageAllocationBody body) {
		return supplies.answerShortage(shortageId, body.itemId(), body.quantity(), users.current());
	}

	@Operation(summary = "The stocks at and below a region")
	@GetMapping("/stocks")
	List<Supplies.Stock> stocks(@RequestParam(required = false) String region) {
		return supplies.stocks(region, users.current());
	}

	@Operation(summary = "Receive a quantity into a region's stock (a warehouse or a community's store)")
	@PostMapping("/stocks/{regionCode}/receive")
	Supplies.Stock receive(@PathVariable String regionCode, @RequestBody ReceiveBody body) {
		return supplies.receive(regionCode, body.itemId(), body.quantity(), body.note(), users.current());
	}

	@Operation(summary = "A village's or community's request for an item")
	@PostMapping("/requests")
	@ResponseStatus(HttpStatus.CREATED)
	Supplies.RequestView request(@RequestBody RequestBody_ body) {
		return supplies.request(new Supplies.RequestForm(body.regionCode(), body.itemId(), body.quantity(),
				body.urgency(), body.note()), users.current());
	}

	@Operation(summary = "The requests under a region (of a status), oldest first; open ones a day old are overdue")
	@GetMapping("/requests")
	PageResult<Supplies.RequestView> requests(@RequestParam(required = false) String region,
			@RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		return supplies.requests(region, status, page, size, users.current());
	}

	@Operation(summary = "One request")
	@GetMapping("/requests/{id}")
	Supplies.RequestView request(@PathVariable long id) {
		return supplies.find(id, users.current());
	}

	@Operation(summary = "Allocate an open request from the stock of a region above the community")
	@PostMapping("/requests/{id}/allocate")
	Supplies.RequestView allocate(@PathVariable long id, @RequestBody AllocateBody body) {
		return supplies.allocate(id, body.fromRegionCode(), users.current());
	}

	@Operation(summary = "The community confirms an allocated request arrived")
	@PostMapping("/requests/{id}/deliver")
	Supplies.RequestView deliver(@PathVariable long id) {
		return supplies.deliver(id, users.current());
	}

	@Operation(summary = "Refuse an open request, with a reason")
	@PostMapping("/requests/{id}/reject")
	Supplies.RequestView reject(@PathVariable long id, @RequestBody RejectBody body) {
		return supplies.reject(id, body.reason(), users.current());
	}

	@Operation(summary = "The ledger of the stocks at and below a region, newest first")
	@GetMapping("/movements")
	PageResult<Supplies.Movement> movements(@RequestParam(required = false) String region,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		return supplies.movements(region, page, size, users.current());
	}

}

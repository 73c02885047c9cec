package cn.huoxian.people.web;

import java.util.Map;

import cn.huoxian.people.People;
import cn.huoxian.people.PersonForm;
import cn.huoxian.people.PersonView;
import cn.huoxian.people.Returns;
import cn.huoxian.shared.CurrentUserProvider;
import cn.huoxian.shared.PageResult;
import cn.huoxian.shared.PlausibleDate;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Persons under /api/v1/persons: search, read (masked), reveal (audited), register,
 * correct.
 */
@RestController
@RequestMapping("/api/v1/persons")
class PersonApi {

	private final People people;

	private final Returns returns;

	private final CurrentUserProvider users;

	PersonApi(People people, Returns returns, CurrentUserProvider users) {
		this.people = people;
		this.returns = returns;
		this.users = users;
	}

	/** A return from outside the city: {@code {"returnedOn","returnedFrom"}}. */
	record ReturnForm(@PlausibleDate java.time.LocalDate returnedOn, @Size(max = 100) String returnedFrom) {
	}

	/**
	 * 201 with the new return; 200 with the same row when this return (same day and
	 * origin) was registered already, as a retried request expects; 409 for another
	 * origin that day.
	 */
	@Operation(summary = "Record a person's return from elsewhere", responses = {
			@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "201", description = "Recorded"),
			@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200",
					description = "The same return (day and origin) was recorded already: the same row") })
	@PostMapping("/{id}/returns")
	ResponseEntity<Returns.ReturnView> recordReturn(@PathVariable long id, @Valid @RequestBody ReturnForm form) {
		Returns.Recorded recorded = returns.record(id, form.returnedOn(), form.returnedFrom(), users.current());
		return ResponseEntity.status(recorded.created() ? HttpStatus.CREATED : HttpStatus.OK).body(recorded.view());
	}

	@Operation(summary = "A person's returns")
	@GetMapping("/{id}/returns")
	java.util.List<Returns.ReturnView> returns(@PathVariable long id) {
		return returns.of(id, users.current());
	}

	@Operation(summary = "Search persons by name or ID number under a region")
	@GetMapping
	PageResult<PersonView> search(@RequestParam(required = false) String region,
			@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		return people.search(region, q, page, size, users.current().scope());
	}

	@Operation(summary = "One person (ID number and phone masked)")
	@GetMapping("/{id}")
	PersonView one(@PathVariable long id) {
		return people.find(id, users.current().scope());
	}

	/**
	 * The unmasked ID number and phone; body {@code {"reason": "..."}}; written to the
	 * audit log.
	 */
	@Operation(summary = "Show a person's ID number and phone, with a reason (audited)")
	@PostMapping("/{id}/reveal")
	PersonView reveal(@PathVariable long id, @RequestBody(required = false) Map<String, String> body) {
		return people.reveal(id, body == null ? null : body.get("reason"), users.current());
	}

	@Operation(summary = "Register a person")
	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	PersonView create(@Valid @RequestBody PersonForm form) {
		return people.create(form, users.current());
	}

	@Operation(summary = "Change a person")
	@PutMapping("/{id}")
	PersonView update(@PathVariable long id, @Valid @RequestBody PersonForm form) {
		return people.update(id, form, users.current());
	}

}

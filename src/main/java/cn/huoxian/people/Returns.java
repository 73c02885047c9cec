package cn.huoxian.people;

import static cn.huoxian.db.Tables.PERSON;
import static cn.huoxian.db.Tables.PERSON_RETURN;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import cn.huoxian.shared.BusinessDay;
import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.DuplicateException;
import cn.huoxian.shared.ForbiddenException;
import cn.huoxian.shared.InvalidInputException;
import cn.huoxian.shared.Messages;
import cn.huoxian.shared.NotFoundException;
import cn.huoxian.shared.RegionPath;
import org.jooq.DSLContext;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Returnees (返乡人员): when a resident came back to the city and from where. */
@Service
public class Returns {

	private final DSLContext db;

	private final People people;

	private final Clock clock;

	Returns(DSLContext db, People people, Clock clock) {
		this.db = db;
		this.people = people;
		this.clock = clock;
	}

	/** One registered return. */
	public record ReturnView(long id, long personId, LocalDate returnedOn, String returnedFrom) {
	}

	/** A return as recorded: {@code created} is false when it was there already. */
	public record Recorded(ReturnView view, boolean created) {
	}

	/**
	 * Registers a return; one per person and day (uq_person_return_day). The same return
	 * again (same day, same origin) is the row already there, so a retried request is
	 * harmless; another origin on that day answers 409 naming the registered return.
	 */
	@Transactional
	public Recorded record(long personId, LocalDate returnedOn, String returnedFrom, CurrentUser user) {
		user.requirePeopleEditor();
		RegionPath path = RegionPath
			.of(db.select(PERSON.PATH).from(PERSON).where(PERSON.ID.eq(personId)).fetchOne(PERSON.PATH));
		if (path == null) {
			throw new NotFoundException(Messages.text("people.what.person", personId));
		}
		if (!user.scope().coversRegion(path)) {
			throw new ForbiddenException(Messages.text("people.problem.outside-scope", personId));
		}
		if (returnedOn == null || returnedOn.isAfter(BusinessDay.today(clock))) {
			throw new InvalidInputException("returnedOn", Messages.text("people.problem.returned-on"));
		}
		if (returnedFrom == null || returnedFrom.isBlank() || returnedFrom.length() > 100) {
			throw new InvalidInputException("returnedFrom", Messages.text("people.problem.returned-from"));
		}
		String from = returnedFrom.strip();
		ReturnView registered = registered(personId, returnedOn, from);
		if (registered != null) {
			return new Recorded(registered, false);
		}
		try {
			// in a savepoint: when the same return was registered a moment ago, the
			// transaction can still read it
			long id = db.transactionResult(savepoint -> db.insertInto(PERSON_RETURN)
				.set(PERSON_RETURN.PERSON_ID, personId)
				.set(PERSON_RETURN.RETURNED_ON, returnedOn)
				.set(PERSON_RETURN.RETURNED_FROM, from)
				.set(PERSON_RETURN.PATH, path.value())
				.set(PERSON_RETURN.RECORDED_BY, user.username())
				.returning(PERSON_RETURN.ID)
				.fetchOne(PERSON_RETURN.ID));
			return new Recorded(new ReturnView(id, personId, returnedOn, from), true);
		}
		catch (DuplicateKeyException ex) {
			registered = registered(personId, returnedOn, from);
			if (registered == null) {
				throw ex;
			}
			return new Recorded(registered, false);
		}
	}

	/**
	 * The person's return on that day if it came from the same place; 409 if from
	 * another.
	 */
	private ReturnView registered(long personId, LocalDate returnedOn, String from) {
		ReturnView existing = db.selectFrom(PERSON_RETURN)
			.where(PERSON_RETURN.PERSON_ID.eq(personId))
			.and(PERSON_RETURN.RETURNED_ON.eq(returnedOn))
			.fetchOptional(r -> new ReturnView(r.getId(), r.getPersonId(), r.getReturnedOn(), r.getReturnedFrom()))
			.orElse(null);
		if (existing != null && !existing.returnedFrom().equals(from)) {
			throw new DuplicateException(
					Messages.text("people.problem.duplicate-return", personId, returnedOn, existing.returnedFrom(),
							existing.id()),
					existing.id(), Map.of("returnedOn", returnedOn, "returnedFrom", existing.returnedFrom()));

		}
		return existing;
	}

	public List<ReturnView> of(long personId, CurrentUser user) {
		people.find(personId, user.scope());
		return db.selectFrom(PERSON_RETURN)
			.where(PERSON_RETURN.PERSON_ID.eq(personId))
			.orderBy(PERSON_RETURN.RETURNED_ON.desc())
			.fetch(r -> new ReturnView(r.getId(), r.getPersonId(), r.getReturnedOn(), r.getReturnedFrom()));
	}

}

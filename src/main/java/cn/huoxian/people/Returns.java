package cn.huoxian.people;

import static cn.huoxian.db.Tables.PERSON;
import static cn.huoxian.db.Tables.PERSON_RETURN;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import cn.huoxian.shared.BusinessDay;
import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.ForbiddenException;
import cn.huoxian.shared.InvalidInputException;
import cn.huoxian.shared.NotFoundException;
import org.jooq.DSLContext;
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

	@Transactional
	public ReturnView record(long personId, LocalDate returnedOn, String returnedFrom, CurrentUser user) {
		user.requirePeopleEditor();
		String path = db.select(PERSON.PATH).from(PERSON).where(PERSON.ID.eq(personId)).fetchOne(PERSON.PATH);
		if (path == null) {
			throw new NotFoundException("person " + personId);
		}
		if (!user.scope().coversRegion(path)) {
			throw new ForbiddenException("person " + personId + " is outside your scope");
		}
		if (returnedOn == null || returnedOn.isAfter(BusinessDay.today(clock))) {
			throw new InvalidInputException("returnedOn", "is required and must not be in the future");
		}
		if (returnedFrom == null || returnedFrom.isBlank() || returnedFrom.length() > 100) {
			throw new InvalidInputException("returnedFrom", "say where from (1 to 100 characters)");
		}
		long id = db.insertInto(PERSON_RETURN)
			.set(PERSON_RETURN.PERSON_ID, personId)
			.set(PERSON_RETURN.RETURNED_ON, returnedOn)
			.set(PERSON_RETURN.RETURNED_FROM, returnedFrom.strip())
			.set(PERSON_RETURN.PATH, path)
			.set(PERSON_RETURN.RECORDED_BY, user.username())
			.returning(PERSON_RETURN.ID)
			.fetchOne(PERSON_RETURN.ID);
		return new ReturnView(id, personId, returnedOn, returnedFrom.strip());
	}

	public List<ReturnView> of(long personId, CurrentUser user) {
		people.find(personId, user.scope());
		return db.selectFrom(PERSON_RETURN)
			.where(PERSON_RETURN.PERSON_ID.eq(personId))
			.orderBy(PERSON_RETURN.RETURNED_ON.desc())
			.fetch(r -> new ReturnView(r.getId(), r.getPersonId(), r.getReturnedOn(), r.getReturnedFrom()));
	}

}

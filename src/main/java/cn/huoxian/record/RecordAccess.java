package cn.huoxian.record;

import java.util.Objects;

import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.ForbiddenException;
import cn.huoxian.shared.Messages;
import cn.huoxian.shared.NotFoundException;
import cn.huoxian.shared.RegionPath;
import org.springframework.stereotype.Component;

/**
 * Who may see and write a person's record. A record is visible to the person themselves
 * (a self-service account linked to them) and to city administrators, evaluators and
 * region staff whose region scope covers the person; anyone else is answered 404.
 */
@Component
public class RecordAccess {

	private final cn.huoxian.people.People people;

	RecordAccess(cn.huoxian.people.People people) {
		this.people = people;
	}

	/** The person whose record is read: id, name and path. */
	public record Subject(long id, String name, RegionPath path) {
	}

	/** The person, or 404 when unknown or not visible to the user. */
	public Subject readable(long personId, CurrentUser me) {
		Subject subject = subject(personId);
		if (!mayRead(subject, me)) {
			throw new NotFoundException(Messages.text("record.what.record", personId));
		}
		return subject;
	}

	/** True when the user may read this person's record. */
	public boolean mayRead(Subject subject, CurrentUser me) {
		if (Objects.equals(me.scope().selfPersonId(), subject.id())) {
			return true;
		}
		return me.mayReadRecords() && me.scope().coversRegion(subject.path());
	}

	/** True when the user's role may enter accountability (in scope). */
	public boolean mayEnterAccountability(Subject subject, CurrentUser me) {
		return me.mayEnterAccountability() && me.scope().coversRegion(subject.path());
	}

	/** The person for an accountability entry: 404 when unknown, 403 when not allowed. */
	Subject forAccountability(long personId, CurrentUser me) {
		Subject subject = subject(personId);
		if (!mayEnterAccountability(subject, me)) {
			throw new ForbiddenException(
					Messages.text("record.error.accountability.role", me.role().label(), personId));
		}
		return subject;
	}

	/** True when the user's role may review work logs under this path. */
	public boolean mayReview(RegionPath path, CurrentUser me) {
		return me.mayReviewWorkLogs() && me.scope().coversRegion(path);
	}

	/** True when the role supervises work logs (lists them by region). */
	public boolean supervises(CurrentUser me) {
		return me.mayReadRecords();
	}

	Subject subject(long personId) {
		return people.fetch(personId)
			.map(p -> new Subject(p.id(), p.name(), p.path()))
			.orElseThrow(() -> new NotFoundException(Messages.text("record.what.person", personId)));
	}

}

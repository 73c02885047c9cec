package cn.huoxian.record;

import static cn.huoxian.db.Tables.ACCOUNTABILITY;

import java.util.List;

import cn.huoxian.db.tables.records.AccountabilityRecord;
import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.Forms;
import cn.huoxian.shared.RegionPath;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accountability (问责) entered by the organisation department (city administrators and
 * evaluators, for persons in their scope); each adds an ACCOUNTABILITY entry to the
 * person's record in the same transaction.
 */
@Service
public class Accountabilities {

	private final DSLContext db;

	private final RecordAccess access;

	private final RecordWriter writer;

	private final AccountabilitySource source;

	private final Forms forms;

	Accountabilities(DSLContext db, RecordAccess access, RecordWriter writer, AccountabilitySource source,
			Forms forms) {
		this.db = db;
		this.access = access;
		this.writer = writer;
		this.source = source;
		this.forms = forms;
	}

	@Transactional
	public AccountabilityView enter(long personId, AccountabilityForm form, CurrentUser me) {
		RecordAccess.Subject person = access.forAccountability(personId, me);
		forms.check(form);
		String detail = form.detail().strip();
		AccountabilityRecord row = db.newRecord(ACCOUNTABILITY);
		row.setPersonId(person.id());
		row.setKind(form.kind().name());
		row.setOccurredOn(form.occurredOn());
		row.setDecidedLevel(form.decidedLevel().name());
		row.setDetail(detail);
		row.setPath(person.path().value());
		row.setEnteredBy(me.username());
		row.store();
		row.refresh();
		writer.add(source.entry(row));
		return view(row);
	}

	/** A person's accountability, newest first (the caller has checked access). */
	public List<AccountabilityView> of(long personId) {
		return db.selectFrom(ACCOUNTABILITY)
			.where(ACCOUNTABILITY.PERSON_ID.eq(personId))
			.orderBy(ACCOUNTABILITY.OCCURRED_ON.desc(), ACCOUNTABILITY.ID.desc())
			.fetch(Accountabilities::view);
	}

	private static AccountabilityView view(AccountabilityRecord r) {
		return new AccountabilityView(r.getId(), r.getPersonId(), AccountabilityKind.valueOf(r.getKind()),
				r.getOccurredOn(), AccountabilityLevel.valueOf(r.getDecidedLevel()), r.getDetail(),
				RegionPath.of(r.getPath()), r.getEnteredBy(), r.getCreatedAt());
	}

}

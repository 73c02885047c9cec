package cn.huoxian.record;

import static cn.huoxian.db.Tables.ACCOUNTABILITY;

import java.util.function.Consumer;

import cn.huoxian.db.tables.records.AccountabilityRecord;
import cn.huoxian.shared.RegionPath;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/** 问责, from {@code accountability}: one entry per row, for the person held to account. */
@Component
public class AccountabilitySource implements RecordSource {

	private final DSLContext db;

	AccountabilitySource(DSLContext db) {
		this.db = db;
	}

	@Override
	public String type() {
		return "ACCOUNTABILITY";
	}

	@Override
	public void forEach(Consumer<Entry> entries) {
		TableSource.each(db.selectFrom(ACCOUNTABILITY), r -> entries.accept(entry(r)));
	}

	Entry entry(AccountabilityRecord r) {
		AccountabilityKind kind = AccountabilityKind.valueOf(r.getKind());
		AccountabilityLevel level = AccountabilityLevel.valueOf(r.getDecidedLevel());
		return new Entry(r.getPersonId(), EntryKind.ACCOUNTABILITY, TableSource.startOf(r.getOccurredOn()),
				EntryText.of(EntryKind.ACCOUNTABILITY, EntryText.label("record.accountability.kind." + kind.name()),
						EntryText.label("record.accountability.level." + level.name()), r.getDetail()),
				type(), String.valueOf(r.getId()), RegionPath.of(r.getPath()));
	}

}

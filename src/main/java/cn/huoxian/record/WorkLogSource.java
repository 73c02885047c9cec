package cn.huoxian.record;

import static cn.huoxian.db.Tables.WORK_LOG;

import java.util.function.Consumer;

import cn.huoxian.db.tables.records.WorkLogRecord;
import cn.huoxian.shared.RegionPath;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/** 纪实, from {@code work_log}: one entry per log, for its author. */
@Component
public class WorkLogSource implements RecordSource {

	private final DSLContext db;

	WorkLogSource(DSLContext db) {
		this.db = db;
	}

	@Override
	public String type() {
		return "WORK_LOG";
	}

	@Override
	public void forEach(Consumer<Entry> entries) {
		TableSource.each(db.selectFrom(WORK_LOG), r -> entries.accept(entry(r)));
	}

	Entry entry(WorkLogRecord r) {
		String text = r.getEntryText().replaceAll("\\s+", " ");
		return new Entry(r.getPersonId(), EntryKind.WORK_LOG, TableSource.startOf(r.getBusinessDay()),
				EntryText.of(EntryKind.WORK_LOG, text.length() > 120 ? text.substring(0, 120) + "…" : text), type(),
				String.valueOf(r.getId()), RegionPath.of(r.getPath()));
	}

}

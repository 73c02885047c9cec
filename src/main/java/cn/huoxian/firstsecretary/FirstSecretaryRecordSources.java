package cn.huoxian.firstsecretary;

import static cn.huoxian.db.Tables.FIRST_SECRETARY_RETURN;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.function.Consumer;

import cn.huoxian.record.EntryText;
import cn.huoxian.db.tables.records.FirstSecretaryReturnRecord;
import cn.huoxian.org.Regions;
import cn.huoxian.record.Entry;
import cn.huoxian.record.EntryKind;
import cn.huoxian.record.RecordInbox;
import cn.huoxian.record.TableSource;
import cn.huoxian.shared.RegionPath;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What first secretaries contribute to the performance record: their returns to their
 * villages; the record reads them through this bean.
 */
final class FirstSecretaryRecordSources {

	private FirstSecretaryRecordSources() {
	}

	/** 第一书记返岗, from {@code first_secretary_return}. */
	@Component
	static class FirstSecretaries extends TableSource {

		private final Regions regions;

		FirstSecretaries(DSLContext db, RecordInbox inbox, Regions regions) {
			super(db, inbox, "FIRST_SECRETARY_RETURN");
			this.regions = regions;
		}

		@EventListener
		void on(Events.FirstSecretaryReturned event) {
			queue(event.personId());
		}

		@Override
		protected Condition rows(List<String> keys) {
			return ids(FIRST_SECRETARY_RETURN.PERSON_ID, keys);
		}

		@Override
		protected void entries(Condition which, Consumer<Entry> entries) {
			// one return per first secretary (hundreds in a city): their villages' names
			// in
			// one lookup
			List<FirstSecretaryReturnRecord> rows = db.selectFrom(FIRST_SECRETARY_RETURN).where(which).fetch();
			Map<Long, String> villages = regions
				.names(rows.stream().map(FirstSecretaryReturnRecord::getVillageId).collect(Collectors.toSet()));
			for (FirstSecretaryReturnRecord r : rows) {
				entries
					.accept(new Entry(r.getPersonId(), EntryKind.FIRST_SECRETARY_RETURNED, startOf(r.getReturnedOn()),
							EntryText.of(EntryKind.FIRST_SECRETARY_RETURNED, villages.get(r.getVillageId())), type(),
							r.getPersonId() + "/" + r.getReturnedOn(), RegionPath.of(r.getPath())));
			}
		}

	}

}

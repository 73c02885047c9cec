package cn.huoxian.firstsecretary;

import static cn.huoxian.db.Tables.FIRST_SECRETARY_RETURN;
import static cn.huoxian.db.Tables.REGION;

import java.util.List;
import java.util.function.Consumer;

import cn.huoxian.record.Entry;
import cn.huoxian.record.EntryKind;
import cn.huoxian.record.RecordInbox;
import cn.huoxian.record.TableSource;
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

		FirstSecretaries(DSLContext db, RecordInbox inbox) {
			super(db, inbox, "FIRST_SECRETARY_RETURN");
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
			each(db
				.select(FIRST_SECRETARY_RETURN.PERSON_ID, FIRST_SECRETARY_RETURN.RETURNED_ON,
						FIRST_SECRETARY_RETURN.PATH, REGION.NAME)
				.from(FIRST_SECRETARY_RETURN)
				.join(REGION)
				.on(REGION.ID.eq(FIRST_SECRETARY_RETURN.VILLAGE_ID))
				.where(which), r -> {
					entries.accept(new Entry(r.get(FIRST_SECRETARY_RETURN.PERSON_ID),
							EntryKind.FIRST_SECRETARY_RETURNED, startOf(r.get(FIRST_SECRETARY_RETURN.RETURNED_ON)),
							"驻村第一书记返岗：" + r.get(REGION.NAME), type(),
							r.get(FIRST_SECRETARY_RETURN.PERSON_ID) + "/" + r.get(FIRST_SECRETARY_RETURN.RETURNED_ON),
							r.get(FIRST_SECRETARY_RETURN.PATH)));
				});
		}

	}

}

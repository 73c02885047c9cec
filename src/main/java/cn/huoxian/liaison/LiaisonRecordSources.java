package cn.huoxian.liaison;

import static cn.huoxian.db.Tables.PAIRING;
import static cn.huoxian.db.Tables.SHORTAGE;

import java.util.List;
import java.util.function.Consumer;

import cn.huoxian.record.EntryText;
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
 * What liaison contributes to the performance record: shortages resolved, for the
 * pairing's responsible person; the record reads them through this bean.
 */
final class LiaisonRecordSources {

	private LiaisonRecordSources() {
	}

	/** 解决社区短缺, for the pairing's responsible person. */
	@Component
	static class Shortages extends TableSource {

		Shortages(DSLContext db, RecordInbox inbox) {
			super(db, inbox, "SHORTAGE");
		}

		@EventListener
		void on(Events.ShortageResolved event) {
			queue(event.shortageId());
		}

		@Override
		protected Condition rows(List<String> keys) {
			return ids(SHORTAGE.ID, keys);
		}

		@Override
		protected void entries(Condition which, Consumer<Entry> entries) {
			each(db
				.select(SHORTAGE.ID, SHORTAGE.ITEM, SHORTAGE.QUANTITY, SHORTAGE.RESOLVED_AT, SHORTAGE.PATH,
						PAIRING.RESPONSIBLE_PERSON_ID)
				.from(SHORTAGE)
				.join(PAIRING)
				.on(PAIRING.ID.eq(SHORTAGE.PAIRING_ID))
				.where(which.and(SHORTAGE.STATUS.eq("RESOLVED")).and(PAIRING.RESPONSIBLE_PERSON_ID.isNotNull())), r -> {
					entries.accept(new Entry(r.get(PAIRING.RESPONSIBLE_PERSON_ID), EntryKind.SHORTAGE_RESOLVED,
							r.get(SHORTAGE.RESOLVED_AT),
							EntryText.of(EntryKind.SHORTAGE_RESOLVED,
									r.get(SHORTAGE.ITEM) + " " + r.get(SHORTAGE.QUANTITY)),
							type(), String.valueOf(r.get(SHORTAGE.ID)), RegionPath.of(r.get(SHORTAGE.PATH))));
				});
		}

	}

}

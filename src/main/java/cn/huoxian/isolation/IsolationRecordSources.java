package cn.huoxian.isolation;

import static cn.huoxian.db.Tables.ISOLATION_CASE;
import static cn.huoxian.db.Tables.ISOLATION_CONTACT;
import static cn.huoxian.db.Tables.ISOLATION_NEED;

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
 * Isolation work in the performance record: daily contacts made and needs delivered, each
 * for the person who did it; the record reads them through these beans.
 */
final class IsolationRecordSources {

	private IsolationRecordSources() {
	}

	/** 隔离联系, from {@code isolation_contact}, for the cadre who made it. */
	@Component
	static class Contacts extends TableSource {

		Contacts(DSLContext db, RecordInbox inbox) {
			super(db, inbox, "ISOLATION_CONTACT");
		}

		@EventListener
		void on(Events.ContactMade event) {
			if (event.madeBy() != null) {
				queue(event.contactId());
			}
		}

		@Override
		protected Condition rows(List<String> keys) {
			return ids(ISOLATION_CONTACT.ID, keys);
		}

		@Override
		protected void entries(Condition which, Consumer<Entry> entries) {
			each(db
				.select(ISOLATION_CONTACT.ID, ISOLATION_CONTACT.MADE_BY, ISOLATION_CONTACT.CONTACTED_AT,
						ISOLATION_CONTACT.CHANNEL, ISOLATION_CONTACT.REACHED, ISOLATION_CASE.PATH)
				.from(ISOLATION_CONTACT)
				.join(ISOLATION_CASE)
				.on(ISOLATION_CASE.ID.eq(ISOLATION_CONTACT.CASE_ID))
				.where(which.and(ISOLATION_CONTACT.MADE_BY.isNotNull())), r -> {
					String outcome = Boolean.TRUE.equals(r.get(ISOLATION_CONTACT.REACHED)) ? "reached" : "unreached";
					entries.accept(new Entry(r.get(ISOLATION_CONTACT.MADE_BY), EntryKind.ISOLATION_CONTACT,
							r.get(ISOLATION_CONTACT.CONTACTED_AT),
							EntryText.variant(EntryKind.ISOLATION_CONTACT, outcome,
									EntryText.label("isolation.channel." + r.get(ISOLATION_CONTACT.CHANNEL))),
							type(), String.valueOf(r.get(ISOLATION_CONTACT.ID)),
							RegionPath.of(r.get(ISOLATION_CASE.PATH))));
				});
		}

	}

	/** 送达需求, from delivered {@code isolation_need}s, for the helper. */
	@Component
	static class Needs extends TableSource {

		Needs(DSLContext db, RecordInbox inbox) {
			super(db, inbox, "ISOLATION_NEED");
		}

		@EventListener
		void on(Events.NeedDelivered event) {
			if (event.helperId() != null) {
				queue(event.needId());
			}
		}

		@Override
		protected Condition rows(List<String> keys) {
			return ids(ISOLATION_NEED.ID, keys);
		}

		@Override
		protected void entries(Condition which, Consumer<Entry> entries) {
			each(db
				.select(ISOLATION_NEED.ID, ISOLATION_NEED.HELPER_ID, ISOLATION_NEED.DELIVERED_AT,
						ISOLATION_NEED.DESCRIPTION, ISOLATION_CASE.PATH)
				.from(ISOLATION_NEED)
				.join(ISOLATION_CASE)
				.on(ISOLATION_CASE.ID.eq(ISOLATION_NEED.CASE_ID))
				.where(which.and(ISOLATION_NEED.HELPER_ID.isNotNull()).and(ISOLATION_NEED.DELIVERED_AT.isNotNull())),
					r -> {
						entries.accept(new Entry(r.get(ISOLATION_NEED.HELPER_ID), EntryKind.NEED_DELIVERED,
								r.get(ISOLATION_NEED.DELIVERED_AT),
								EntryText.of(EntryKind.NEED_DELIVERED, r.get(ISOLATION_NEED.DESCRIPTION)), type(),
								String.valueOf(r.get(ISOLATION_NEED.ID)), RegionPath.of(r.get(ISOLATION_CASE.PATH))));
					});
		}

	}

}

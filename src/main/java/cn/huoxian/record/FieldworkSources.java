package cn.huoxian.record;

import static cn.huoxian.db.Tables.HOUSEHOLD;
import static cn.huoxian.db.Tables.ISOLATION_CASE;
import static cn.huoxian.db.Tables.ISOLATION_CONTACT;
import static cn.huoxian.db.Tables.ISOLATION_NEED;
import static cn.huoxian.db.Tables.SCREENING_VISIT;

import java.util.List;
import java.util.function.Consumer;

import cn.huoxian.isolation.Events;
import cn.huoxian.screening.VisitsRecorded;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Door-to-door and isolation work: screening visits made, daily isolation contacts made
 * and needs delivered, each for the person who did it.
 */
final class FieldworkSources {

	private FieldworkSources() {
	}

	/** 入户排查, from {@code screening_visit} (source id: the visit id). */
	@Component
	static class Visits extends TableSource {

		Visits(DSLContext db, RecordInbox inbox) {
			super(db, inbox, "SCREENING_VISIT");
		}

		/** One event per visit batch: its visits are one inbox row. */
		@EventListener
		void on(VisitsRecorded event) {
			if (event.visitorPersonId() != null) {
				queue(event.visitIds());
			}
		}

		@Override
		protected Condition rows(List<String> keys) {
			return uuids(SCREENING_VISIT.VISIT_ID, keys);
		}

		@Override
		protected void entries(Condition which, Consumer<Entry> entries) {
			Sources.each(db
				.select(SCREENING_VISIT.VISIT_ID, SCREENING_VISIT.VISITOR_PERSON_ID, SCREENING_VISIT.VISITED_AT,
						SCREENING_VISIT.OUTCOME, SCREENING_VISIT.PATH, HOUSEHOLD.ADDRESS)
				.from(SCREENING_VISIT)
				.join(HOUSEHOLD)
				.on(HOUSEHOLD.ID.eq(SCREENING_VISIT.HOUSEHOLD_ID))
				.where(which.and(SCREENING_VISIT.VISITOR_PERSON_ID.isNotNull())), r -> {
					String outcome = "NOBODY_HOME".equals(r.get(SCREENING_VISIT.OUTCOME)) ? "（无人在家）" : "";
					entries.accept(new Entry(r.get(SCREENING_VISIT.VISITOR_PERSON_ID), EntryKind.VISIT_MADE,
							r.get(SCREENING_VISIT.VISITED_AT), "入户排查：" + r.get(HOUSEHOLD.ADDRESS) + outcome, type(),
							r.get(SCREENING_VISIT.VISIT_ID).toString(), r.get(SCREENING_VISIT.PATH)));
				});
		}

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
			Sources.each(db
				.select(ISOLATION_CONTACT.ID, ISOLATION_CONTACT.MADE_BY, ISOLATION_CONTACT.CONTACTED_AT,
						ISOLATION_CONTACT.CHANNEL, ISOLATION_CONTACT.REACHED, ISOLATION_CASE.PATH)
				.from(ISOLATION_CONTACT)
				.join(ISOLATION_CASE)
				.on(ISOLATION_CASE.ID.eq(ISOLATION_CONTACT.CASE_ID))
				.where(which.and(ISOLATION_CONTACT.MADE_BY.isNotNull())), r -> {
					String how = switch (r.get(ISOLATION_CONTACT.CHANNEL)) {
						case "VIDEO" -> "视频";
						case "PHONE" -> "电话";
						default -> "上门";
					};
					String outcome = Boolean.TRUE.equals(r.get(ISOLATION_CONTACT.REACHED)) ? "已联系" : "未联系上";
					entries.accept(new Entry(r.get(ISOLATION_CONTACT.MADE_BY), EntryKind.ISOLATION_CONTACT,
							r.get(ISOLATION_CONTACT.CONTACTED_AT), "隔离人员每日联系（" + how + "，" + outcome + "）", type(),
							String.valueOf(r.get(ISOLATION_CONTACT.ID)), r.get(ISOLATION_CASE.PATH)));
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
			Sources.each(db
				.select(ISOLATION_NEED.ID, ISOLATION_NEED.HELPER_ID, ISOLATION_NEED.DELIVERED_AT,
						ISOLATION_NEED.DESCRIPTION, ISOLATION_CASE.PATH)
				.from(ISOLATION_NEED)
				.join(ISOLATION_CASE)
				.on(ISOLATION_CASE.ID.eq(ISOLATION_NEED.CASE_ID))
				.where(which.and(ISOLATION_NEED.HELPER_ID.isNotNull()).and(ISOLATION_NEED.DELIVERED_AT.isNotNull())),
					r -> {
						entries.accept(new Entry(r.get(ISOLATION_NEED.HELPER_ID), EntryKind.NEED_DELIVERED,
								r.get(ISOLATION_NEED.DELIVERED_AT), "为隔离人员送达：" + r.get(ISOLATION_NEED.DESCRIPTION),
								type(), String.valueOf(r.get(ISOLATION_NEED.ID)), r.get(ISOLATION_CASE.PATH)));
					});
		}

	}

}

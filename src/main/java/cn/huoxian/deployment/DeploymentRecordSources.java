package cn.huoxian.deployment;

import static cn.huoxian.db.Tables.BATTLE_REQUEST;
import static cn.huoxian.db.Tables.COMMANDO_MEMBER;
import static cn.huoxian.db.Tables.COMMANDO_TEAM;
import static cn.huoxian.db.Tables.DEPLOYMENT;
import static cn.huoxian.db.Tables.FIRST_SECRETARY_RETURN;
import static cn.huoxian.db.Tables.INSPECTION;
import static cn.huoxian.db.Tables.PAIRING;
import static cn.huoxian.db.Tables.RECTIFICATION;
import static cn.huoxian.db.Tables.REGION;
import static cn.huoxian.db.Tables.SHORTAGE;
import static cn.huoxian.db.Tables.UNIT;

import java.util.List;
import java.util.function.Consumer;

import cn.huoxian.record.Entry;
import cn.huoxian.record.EntryKind;
import cn.huoxian.record.RecordInbox;
import cn.huoxian.record.TableSource;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The deployment network's contributions to the performance record: positions taken and
 * ended, inspections made, rectifications closed, battle requests accepted, teams joined,
 * shortages resolved and first secretaries' returns; the record reads them through these
 * beans.
 */
final class DeploymentRecordSources {

	private DeploymentRecordSources() {
	}

	/** 到岗 / 离岗, from {@code deployment}. */
	@Component
	static class Positions extends TableSource {

		Positions(DSLContext db, RecordInbox inbox) {
			super(db, inbox, "DEPLOYMENT");
		}

		@EventListener
		void on(Events.DeploymentStarted event) {
			queue(event.deploymentId());
		}

		@EventListener
		void on(Events.DeploymentEnded event) {
			queue(event.deploymentId());
		}

		@Override
		protected Condition rows(List<String> keys) {
			return ids(DEPLOYMENT.ID, keys);
		}

		@Override
		protected void entries(Condition which, Consumer<Entry> entries) {
			each(db
				.select(DEPLOYMENT.ID, DEPLOYMENT.PERSON_ID, DEPLOYMENT.POST, DEPLOYMENT.DUTY, DEPLOYMENT.PATH,
						DEPLOYMENT.START_DATE, DEPLOYMENT.END_DATE, DEPLOYMENT.HOLDER_ID, DEPLOYMENT.END_REASON,
						REGION.NAME)
				.from(DEPLOYMENT)
				.join(REGION)
				.on(REGION.ID.eq(DEPLOYMENT.REGION_ID))
				.where(which), r -> {
					String where = r.get(DEPLOYMENT.POST) != null ? r.get(DEPLOYMENT.POST) : r.get(REGION.NAME);
					String id = String.valueOf(r.get(DEPLOYMENT.ID));
					entries.accept(new Entry(r.get(DEPLOYMENT.PERSON_ID), EntryKind.DEPLOYMENT_STARTED,
							startOf(r.get(DEPLOYMENT.START_DATE)), with("到岗：" + where, r.get(DEPLOYMENT.DUTY)), type(),
							id, r.get(DEPLOYMENT.PATH)));
					if (r.get(DEPLOYMENT.END_DATE) != null && r.get(DEPLOYMENT.HOLDER_ID) == null) {
						entries.accept(new Entry(r.get(DEPLOYMENT.PERSON_ID), EntryKind.DEPLOYMENT_ENDED,
								startOf(r.get(DEPLOYMENT.END_DATE)), with("离岗：" + where, r.get(DEPLOYMENT.END_REASON)),
								type(), id, r.get(DEPLOYMENT.PATH)));
					}
				});
		}

	}

	/** 下沉督导, from {@code inspection}, for the inspector. */
	@Component
	static class Inspections extends TableSource {

		Inspections(DSLContext db, RecordInbox inbox) {
			super(db, inbox, "INSPECTION");
		}

		@EventListener
		void on(Events.InspectionCompleted event) {
			queue(event.inspectionId());
		}

		@Override
		protected Condition rows(List<String> keys) {
			return ids(INSPECTION.ID, keys);
		}

		@Override
		protected void entries(Condition which, Consumer<Entry> entries) {
			each(db
				.select(INSPECTION.ID, INSPECTION.INSPECTOR_ID, INSPECTION.INSPECTED_ON, INSPECTION.PATH, REGION.NAME,
						UNIT.NAME)
				.from(INSPECTION)
				.leftJoin(REGION)
				.on(REGION.ID.eq(INSPECTION.TARGET_REGION_ID))
				.leftJoin(UNIT)
				.on(UNIT.ID.eq(INSPECTION.TARGET_UNIT_ID))
				.where(which), r -> {
					String target = r.get(REGION.NAME) != null ? r.get(REGION.NAME) : r.get(UNIT.NAME);
					entries.accept(new Entry(r.get(INSPECTION.INSPECTOR_ID), EntryKind.INSPECTION_MADE,
							startOf(r.get(INSPECTION.INSPECTED_ON)), "下沉督导（四看）：" + target, type(),
							String.valueOf(r.get(INSPECTION.ID)), r.get(INSPECTION.PATH)));
				});
		}

	}

	/** 整改销号, from closed {@code rectification}s, for their owner. */
	@Component
	static class Rectifications extends TableSource {

		Rectifications(DSLContext db, RecordInbox inbox) {
			super(db, inbox, "RECTIFICATION");
		}

		@EventListener
		void on(Events.RectificationClosed event) {
			queue(event.rectificationId());
		}

		@Override
		protected Condition rows(List<String> keys) {
			return ids(RECTIFICATION.ID, keys);
		}

		@Override
		protected void entries(Condition which, Consumer<Entry> entries) {
			each(db.selectFrom(RECTIFICATION).where(which.and(RECTIFICATION.STATUS.eq("CLOSED"))), r -> {
				entries.accept(new Entry(r.getOwnerId(), EntryKind.RECTIFICATION_CLOSED, startOf(r.getClosedOn()),
						"整改销号：" + r.getItem() + (r.getClosedOn().isAfter(r.getDeadline()) ? "（逾期）" : ""), type(),
						String.valueOf(r.getId()), r.getPath()));
			});
		}

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
							"解决社区短缺：" + r.get(SHORTAGE.ITEM) + " " + r.get(SHORTAGE.QUANTITY), type(),
							String.valueOf(r.get(SHORTAGE.ID)), r.get(SHORTAGE.PATH)));
				});
		}

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

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

	/** 请战获批, from accepted {@code battle_request}s. */
	@Component
	static class BattleRequests extends TableSource {

		BattleRequests(DSLContext db, RecordInbox inbox) {
			super(db, inbox, "BATTLE_REQUEST");
		}

		@EventListener
		void on(Events.BattleRequestAccepted event) {
			queue(event.requestId());
		}

		@Override
		protected Condition rows(List<String> keys) {
			return ids(BATTLE_REQUEST.ID, keys);
		}

		@Override
		protected void entries(Condition which, Consumer<Entry> entries) {
			each(db
				.select(BATTLE_REQUEST.ID, BATTLE_REQUEST.PERSON_ID, BATTLE_REQUEST.DECIDED_ON, BATTLE_REQUEST.POST,
						BATTLE_REQUEST.PATH, COMMANDO_TEAM.NAME)
				.from(BATTLE_REQUEST)
				.leftJoin(COMMANDO_TEAM)
				.on(COMMANDO_TEAM.ID.eq(BATTLE_REQUEST.TEAM_ID))
				.where(which.and(BATTLE_REQUEST.STATUS.eq("ACCEPTED"))), r -> {
					String where = r.get(COMMANDO_TEAM.NAME) != null ? r.get(COMMANDO_TEAM.NAME)
							: r.get(BATTLE_REQUEST.POST);
					entries.accept(new Entry(r.get(BATTLE_REQUEST.PERSON_ID), EntryKind.BATTLE_REQUEST_ACCEPTED,
							startOf(r.get(BATTLE_REQUEST.DECIDED_ON)), "请战获批：" + where, type(),
							String.valueOf(r.get(BATTLE_REQUEST.ID)), r.get(BATTLE_REQUEST.PATH)));
				});
		}

	}

	/** 加入突击队, from {@code commando_member} (a rejoin is the same membership). */
	@Component
	static class Teams extends TableSource {

		Teams(DSLContext db, RecordInbox inbox) {
			super(db, inbox, "COMMANDO_MEMBER");
		}

		@EventListener
		void on(Events.TeamJoined event) {
			queue(event.teamId() + "/" + event.personId());
		}

		/** Keys "team/person", as the entry's source id. */
		@Override
		protected Condition rows(List<String> keys) {
			return DSL.row(COMMANDO_MEMBER.TEAM_ID, COMMANDO_MEMBER.PERSON_ID)
				.in(keys.stream()
					.map(key -> key.split("/"))
					.map(k -> DSL.row(Long.valueOf(k[0]), Long.valueOf(k[1])))
					.toList());
		}

		@Override
		protected void entries(Condition which, Consumer<Entry> entries) {
			each(db
				.select(COMMANDO_MEMBER.TEAM_ID, COMMANDO_MEMBER.PERSON_ID, COMMANDO_MEMBER.JOINED_ON,
						COMMANDO_MEMBER.PATH, COMMANDO_TEAM.NAME)
				.from(COMMANDO_MEMBER)
				.join(COMMANDO_TEAM)
				.on(COMMANDO_TEAM.ID.eq(COMMANDO_MEMBER.TEAM_ID))
				.where(which), r -> {
					entries.accept(new Entry(r.get(COMMANDO_MEMBER.PERSON_ID), EntryKind.TEAM_JOINED,
							startOf(r.get(COMMANDO_MEMBER.JOINED_ON)), "加入" + r.get(COMMANDO_TEAM.NAME), type(),
							r.get(COMMANDO_MEMBER.TEAM_ID) + "/" + r.get(COMMANDO_MEMBER.PERSON_ID),
							r.get(COMMANDO_MEMBER.PATH)));
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

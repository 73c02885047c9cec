package cn.huoxian.vanguard;

import static cn.huoxian.db.Tables.BATTLE_REQUEST;
import static cn.huoxian.db.Tables.COMMANDO_MEMBER;
import static cn.huoxian.db.Tables.COMMANDO_TEAM;

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
import org.jooq.impl.DSL;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What party members at the front contribute to the performance record: battle requests
 * accepted and teams joined; the record reads them through these beans.
 */
final class VanguardRecordSources {

	private VanguardRecordSources() {
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
							startOf(r.get(BATTLE_REQUEST.DECIDED_ON)),
							EntryText.of(EntryKind.BATTLE_REQUEST_ACCEPTED, where), type(),
							String.valueOf(r.get(BATTLE_REQUEST.ID)), RegionPath.of(r.get(BATTLE_REQUEST.PATH))));
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
							startOf(r.get(COMMANDO_MEMBER.JOINED_ON)),
							EntryText.of(EntryKind.TEAM_JOINED, r.get(COMMANDO_TEAM.NAME)), type(),
							r.get(COMMANDO_MEMBER.TEAM_ID) + "/" + r.get(COMMANDO_MEMBER.PERSON_ID),
							RegionPath.of(r.get(COMMANDO_MEMBER.PATH))));
				});
		}

	}

}

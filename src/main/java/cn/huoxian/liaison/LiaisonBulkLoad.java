package cn.huoxian.liaison;

import static cn.huoxian.db.Tables.LIAISON_GROUP;
import static cn.huoxian.db.Tables.LIAISON_GROUP_COMMUNITY;
import static cn.huoxian.db.Tables.LIAISON_GROUP_MEMBER;
import static cn.huoxian.db.Tables.PAIRING;
import static cn.huoxian.db.Tables.PAIRING_LOG;
import static cn.huoxian.db.Tables.PAIRING_TEAM_MEMBER;
import static cn.huoxian.db.Tables.SHORTAGE;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import cn.huoxian.shared.bulk.BulkInsert;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;

/**
 * Pairings and liaison groups written in bulk with their members, logs, shortages and
 * communities (the demo network), in the caller's transaction and without checks or
 * events: the caller rebuilds the record afterwards. Each parent row gets its id here, in
 * the order given, for a database nobody else writes to at the time.
 */
@Service
public class LiaisonBulkLoad {

	private final DSLContext db;

	LiaisonBulkLoad(DSLContext db) {
		this.db = db;
	}

	/** A pairing (五个一) with its team, its log and its shortages. */
	public record NewPairing(long unitId, long communityId, String path, Long liaisonLeaderId, Long responsiblePersonId,
			String workPlan, LocalDate startedOn, String createdBy, List<Long> team, List<NewLogEntry> log,
			List<NewShortage> shortages) {
	}

	public record NewLogEntry(LocalDate businessDay, String entry, String recordedBy) {
	}

	/**
	 * A shortage in one of the states OPEN, ANSWERED or RESOLVED, with the answer and the
	 * resolution it has in that state.
	 */
	public record NewShortage(String path, ShortageKind kind, String item, int quantity, String note, String status,
			String raisedBy, String answer, String answeredBy, OffsetDateTime answeredAt, String resolvedBy,
			OffsetDateTime resolvedAt) {
	}

	/** A liaison group with its members (besides the leader) and its communities. */
	public record NewGroup(String name, long leaderId, long regionId, String path, String createdBy, List<Long> members,
			List<NewGroupCommunity> communities) {
	}

	public record NewGroupCommunity(long communityId, String path) {
	}

	/** Writes the pairings in the given order; their new ids in that order. */
	public BulkInsert.Loaded loadPairings(List<NewPairing> pairings) {
		long first = BulkInsert.nextId(db, PAIRING, PAIRING.ID);
		List<Long> ids = new ArrayList<>();
		try (BulkInsert pairing = new BulkInsert(db, PAIRING, PAIRING.ID, PAIRING.UNIT_ID, PAIRING.COMMUNITY_ID,
				PAIRING.PATH, PAIRING.LIAISON_LEADER_ID, PAIRING.RESPONSIBLE_PERSON_ID, PAIRING.WORK_PLAN,
				PAIRING.STARTED_ON, PAIRING.CREATED_BY);
				BulkInsert team = new BulkInsert(db, PAIRING_TEAM_MEMBER, PAIRING_TEAM_MEMBER.PAIRING_ID,
						PAIRING_TEAM_MEMBER.PERSON_ID);
				BulkInsert log = new BulkInsert(db, PAIRING_LOG, PAIRING_LOG.PAIRING_ID, PAIRING_LOG.BUSINESS_DAY,
						PAIRING_LOG.ENTRY, PAIRING_LOG.RECORDED_BY);
				BulkInsert shortage = new BulkInsert(db, SHORTAGE, SHORTAGE.PAIRING_ID, SHORTAGE.PATH, SHORTAGE.KIND,
						SHORTAGE.ITEM, SHORTAGE.QUANTITY, SHORTAGE.NOTE, SHORTAGE.STATUS, SHORTAGE.RAISED_BY,
						SHORTAGE.ANSWER, SHORTAGE.ANSWERED_BY, SHORTAGE.ANSWERED_AT, SHORTAGE.RESOLVED_BY,
						SHORTAGE.RESOLVED_AT)) {
			for (NewPairing p : pairings) {
				long id = first + ids.size();
				ids.add(id);
				pairing.add(id, p.unitId(), p.communityId(), p.path(), p.liaisonLeaderId(), p.responsiblePersonId(),
						p.workPlan(), p.startedOn(), p.createdBy());
			}
			pairing.flush();
			for (int i = 0; i < pairings.size(); i++) {
				NewPairing p = pairings.get(i);
				for (long person : p.team()) {
					team.add(ids.get(i), person);
				}
				for (NewLogEntry entry : p.log()) {
					log.add(ids.get(i), entry.businessDay(), entry.entry(), entry.recordedBy());
				}
				for (NewShortage s : p.shortages()) {
					shortage.add(ids.get(i), s.path(), s.kind().name(), s.item(), s.quantity(), s.note(), s.status(),
							s.raisedBy(), s.answer(), s.answeredBy(), s.answeredAt(), s.resolvedBy(), s.resolvedAt());
				}
			}
			team.flush();
			log.flush();
			shortage.flush();
			BulkInsert.restartIdentity(db, PAIRING, PAIRING.ID, first + ids.size());
			return new BulkInsert.Loaded(ids, BulkInsert.written(pairing, shortage, log, team));
		}
	}

	/** Writes the groups in the given order; their new ids in that order. */
	public BulkInsert.Loaded loadGroups(List<NewGroup> groups) {
		long first = BulkInsert.nextId(db, LIAISON_GROUP, LIAISON_GROUP.ID);
		List<Long> ids = new ArrayList<>();
		try (BulkInsert group = new BulkInsert(db, LIAISON_GROUP, LIAISON_GROUP.ID, LIAISON_GROUP.NAME,
				LIAISON_GROUP.LEADER_ID, LIAISON_GROUP.REGION_ID, LIAISON_GROUP.PATH, LIAISON_GROUP.CREATED_BY);
				BulkInsert member = new BulkInsert(db, LIAISON_GROUP_MEMBER, LIAISON_GROUP_MEMBER.GROUP_ID,
						LIAISON_GROUP_MEMBER.PERSON_ID);
				BulkInsert community = new BulkInsert(db, LIAISON_GROUP_COMMUNITY, LIAISON_GROUP_COMMUNITY.GROUP_ID,
						LIAISON_GROUP_COMMUNITY.COMMUNITY_ID, LIAISON_GROUP_COMMUNITY.PATH)) {
			for (NewGroup g : groups) {
				long id = first + ids.size();
				ids.add(id);
				group.add(id, g.name(), g.leaderId(), g.regionId(), g.path(), g.createdBy());
			}
			group.flush();
			for (int i = 0; i < groups.size(); i++) {
				for (long person : groups.get(i).members()) {
					member.add(ids.get(i), person);
				}
				for (NewGroupCommunity c : groups.get(i).communities()) {
					community.add(ids.get(i), c.communityId(), c.path());
				}
			}
			member.flush();
			community.flush();
			BulkInsert.restartIdentity(db, LIAISON_GROUP, LIAISON_GROUP.ID, first + ids.size());
			return new BulkInsert.Loaded(ids, BulkInsert.written(group, member, community));
		}
	}

}

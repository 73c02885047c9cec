package cn.huoxian.vanguard;

import static cn.huoxian.db.Tables.BATTLE_REQUEST;
import static cn.huoxian.db.Tables.CLAIMED_POST;
import static cn.huoxian.db.Tables.COMMANDO_MEMBER;
import static cn.huoxian.db.Tables.COMMANDO_TASK;
import static cn.huoxian.db.Tables.COMMANDO_TEAM;
import static cn.huoxian.db.Tables.MODEL_POST;
import static cn.huoxian.db.Tables.RESPONSIBILITY_ZONE;
import static cn.huoxian.db.Tables.TEMPORARY_ORGANISATION_MEMBER;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.huoxian.shared.bulk.BulkInsert;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;

/**
 * Party members at the front written in bulk (the demo network: tens of thousands of
 * commando members), in the caller's transaction and without checks or events: the caller
 * rebuilds the tally and the record afterwards. Each team gets its id here, in the order
 * given, for a database nobody else writes to at the time.
 */
@Service
public class VanguardBulkLoad {

	private final DSLContext db;

	VanguardBulkLoad(DSLContext db) {
		this.db = db;
	}

	public record NewTemporaryMember(long partyOrganisationId, long personId, String path, boolean secretary,
			Long fromUnitId, LocalDate joinedOn) {
	}

	public record NewModelPost(String name, long partyOrganisationId, long holderId, long regionId, String path,
			LocalDate designatedOn, String createdBy) {
	}

	/** A commando team with its members, tasks and the battle requests made to it. */
	public record NewTeam(String name, long partyOrganisationId, long regionId, String path, long leaderId, String task,
			LocalDate formedOn, String createdBy, List<NewMember> members, List<NewTask> tasks,
			List<NewBattleRequest> requests) {
	}

	public record NewMember(long personId, String path, LocalDate joinedOn) {
	}

	public record NewTask(String path, String description, LocalDate dueOn, LocalDate doneOn, String createdBy) {
	}

	/**
	 * A battle request: accepted into this team (with who decided and when) or still
	 * submitted.
	 */
	public record NewBattleRequest(long personId, String path, LocalDate submittedOn, String requestText,
			BattleRequestStatus status, String decidedBy, LocalDate decidedOn) {
	}

	public record NewZone(long personId, long regionId, String path, String area, LocalDate since, String createdBy) {
	}

	public record NewClaimedPost(long personId, String post, long regionId, String path, LocalDate claimedOn,
			String createdBy) {
	}

	/** Writes the temporary organisations' members and model posts; the rows by table. */
	public Map<String, Long> loadTemporaryOrganisations(List<NewTemporaryMember> members, List<NewModelPost> posts) {
		try (BulkInsert member = new BulkInsert(db, TEMPORARY_ORGANISATION_MEMBER,
				TEMPORARY_ORGANISATION_MEMBER.PARTY_ORGANISATION_ID, TEMPORARY_ORGANISATION_MEMBER.PERSON_ID,
				TEMPORARY_ORGANISATION_MEMBER.PATH, TEMPORARY_ORGANISATION_MEMBER.SECRETARY,
				TEMPORARY_ORGANISATION_MEMBER.FROM_UNIT_ID, TEMPORARY_ORGANISATION_MEMBER.JOINED_ON);
				BulkInsert post = new BulkInsert(db, MODEL_POST, MODEL_POST.NAME, MODEL_POST.PARTY_ORGANISATION_ID,
						MODEL_POST.HOLDER_ID, MODEL_POST.REGION_ID, MODEL_POST.PATH, MODEL_POST.DESIGNATED_ON,
						MODEL_POST.CREATED_BY)) {
			for (NewTemporaryMember m : members) {
				member.add(m.partyOrganisationId(), m.personId(), m.path(), m.secretary(), m.fromUnitId(),
						m.joinedOn());
			}
			for (NewModelPost p : posts) {
				post.add(p.name(), p.partyOrganisationId(), p.holderId(), p.regionId(), p.path(), p.designatedOn(),
						p.createdBy());
			}
			member.flush();
			post.flush();
			return BulkInsert.written(post, member);
		}
	}

	/**
	 * Writes the teams in the given order with their members, tasks and requests, then
	 * the zones and claimed posts; the teams' new ids in that order.
	 */
	public BulkInsert.Loaded loadTeams(List<NewTeam> teams, List<NewZone> zones, List<NewClaimedPost> claimed) {
		long first = BulkInsert.nextId(db, COMMANDO_TEAM, COMMANDO_TEAM.ID);
		List<Long> ids = new ArrayList<>();
		try (BulkInsert team = new BulkInsert(db, COMMANDO_TEAM, COMMANDO_TEAM.ID, COMMANDO_TEAM.NAME,
				COMMANDO_TEAM.PARTY_ORGANISATION_ID, COMMANDO_TEAM.REGION_ID, COMMANDO_TEAM.PATH,
				COMMANDO_TEAM.LEADER_ID, COMMANDO_TEAM.TASK, COMMANDO_TEAM.FORMED_ON, COMMANDO_TEAM.CREATED_BY);
				BulkInsert member = new BulkInsert(db, COMMANDO_MEMBER, COMMANDO_MEMBER.TEAM_ID,
						COMMANDO_MEMBER.PERSON_ID, COMMANDO_MEMBER.PATH, COMMANDO_MEMBER.JOINED_ON);
				BulkInsert task = new BulkInsert(db, COMMANDO_TASK, COMMANDO_TASK.TEAM_ID, COMMANDO_TASK.PATH,
						COMMANDO_TASK.DESCRIPTION, COMMANDO_TASK.DUE_ON, COMMANDO_TASK.DONE_ON,
						COMMANDO_TASK.CREATED_BY);
				BulkInsert request = new BulkInsert(db, BATTLE_REQUEST, BATTLE_REQUEST.PERSON_ID, BATTLE_REQUEST.PATH,
						BATTLE_REQUEST.SUBMITTED_ON, BATTLE_REQUEST.REQUEST_TEXT, BATTLE_REQUEST.STATUS,
						BATTLE_REQUEST.TEAM_ID, BATTLE_REQUEST.DECIDED_BY, BATTLE_REQUEST.DECIDED_ON);
				BulkInsert zone = new BulkInsert(db, RESPONSIBILITY_ZONE, RESPONSIBILITY_ZONE.PERSON_ID,
						RESPONSIBILITY_ZONE.REGION_ID, RESPONSIBILITY_ZONE.PATH, RESPONSIBILITY_ZONE.AREA,
						RESPONSIBILITY_ZONE.SINCE, RESPONSIBILITY_ZONE.CREATED_BY);
				BulkInsert post = new BulkInsert(db, CLAIMED_POST, CLAIMED_POST.PERSON_ID, CLAIMED_POST.POST,
						CLAIMED_POST.REGION_ID, CLAIMED_POST.PATH, CLAIMED_POST.CLAIMED_ON, CLAIMED_POST.CREATED_BY)) {
			for (NewTeam t : teams) {
				long id = first + ids.size();
				ids.add(id);
				team.add(id, t.name(), t.partyOrganisationId(), t.regionId(), t.path(), t.leaderId(), t.task(),
						t.formedOn(), t.createdBy());
			}
			team.flush();
			for (int i = 0; i < teams.size(); i++) {
				long id = ids.get(i);
				for (NewMember m : teams.get(i).members()) {
					member.add(id, m.personId(), m.path(), m.joinedOn());
				}
				for (NewTask t : teams.get(i).tasks()) {
					task.add(id, t.path(), t.description(), t.dueOn(), t.doneOn(), t.createdBy());
				}
				for (NewBattleRequest r : teams.get(i).requests()) {
					boolean accepted = r.status() == BattleRequestStatus.ACCEPTED;
					request.add(r.personId(), r.path(), r.submittedOn(), r.requestText(), r.status().name(),
							accepted ? id : null, r.decidedBy(), r.decidedOn());
				}
			}
			for (NewZone z : zones) {
				zone.add(z.personId(), z.regionId(), z.path(), z.area(), z.since(), z.createdBy());
			}
			for (NewClaimedPost c : claimed) {
				post.add(c.personId(), c.post(), c.regionId(), c.path(), c.claimedOn(), c.createdBy());
			}
			member.flush();
			task.flush();
			request.flush();
			zone.flush();
			post.flush();
			BulkInsert.restartIdentity(db, COMMANDO_TEAM, COMMANDO_TEAM.ID, first + ids.size());
			return new BulkInsert.Loaded(ids, BulkInsert.written(team, member, request, task, post, zone));
		}
	}

}

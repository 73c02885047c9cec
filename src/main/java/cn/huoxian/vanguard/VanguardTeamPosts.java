package cn.huoxian.vanguard;

import static cn.huoxian.db.Tables.COMMANDO_MEMBER;
import static cn.huoxian.db.Tables.COMMANDO_TEAM;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import cn.huoxian.deployment.TeamPosts;
import cn.huoxian.shared.RegionPath;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/** Commando teams as deployment sees them: posts cadres are deployed to. */
@Component
class VanguardTeamPosts implements TeamPosts {

	private final DSLContext db;

	VanguardTeamPosts(DSLContext db) {
		this.db = db;
	}

	@Override
	public Optional<Team> team(long id) {
		return db.selectFrom(COMMANDO_TEAM)
			.where(COMMANDO_TEAM.ID.eq(id))
			.fetchOptional(t -> new Team(t.getId(), t.getName(), RegionPath.of(t.getPath()), t.getRegionId(),
					t.getDissolvedOn()));
	}

	@Override
	public Map<Long, String> names(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return new HashMap<>();
		}
		return db.select(COMMANDO_TEAM.ID, COMMANDO_TEAM.NAME)
			.from(COMMANDO_TEAM)
			.where(COMMANDO_TEAM.ID.in(ids))
			.fetchMap(COMMANDO_TEAM.ID, COMMANDO_TEAM.NAME);
	}

	@Override
	public void memberships(Memberships sink) {
		db.select(COMMANDO_MEMBER.PATH, COMMANDO_MEMBER.JOINED_ON, COMMANDO_MEMBER.LEFT_ON, DSL.count())
			.from(COMMANDO_MEMBER)
			.groupBy(COMMANDO_MEMBER.PATH, COMMANDO_MEMBER.JOINED_ON, COMMANDO_MEMBER.LEFT_ON)
			.forEach(r -> sink.accept(RegionPath.of(r.value1()), r.value2(), r.value3(), r.value4()));
	}

}

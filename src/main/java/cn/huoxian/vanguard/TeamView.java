package cn.huoxian.vanguard;

import java.time.LocalDate;
import java.util.List;

import cn.huoxian.shared.RegionPath;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.annotation.Nullable;

/**
 * A commando team with its organisation, leader, current member count and open tasks;
 * {@code members} and {@code tasks} only for one team.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TeamView(long id, String name, long partyOrganisationId, @Nullable String partyOrganisationName,
		String regionCode, RegionPath path, @Nullable Long leaderId, @Nullable String leaderName, @Nullable String task,
		LocalDate formedOn, @Nullable LocalDate dissolvedOn, int memberCount, int openTasks,
		@Nullable List<Member> members, @Nullable List<Task> tasks) {

	public boolean dissolved() {
		return dissolvedOn != null;
	}

	/** A member; {@code leftOn} once they left. */
	public record Member(long personId, String name, LocalDate joinedOn, @Nullable LocalDate leftOn) {
	}

	/** A task; done once {@code doneOn} is set. */
	public record Task(long id, String description, @Nullable LocalDate dueOn, @Nullable LocalDate doneOn,
			String createdBy) {
	}

}

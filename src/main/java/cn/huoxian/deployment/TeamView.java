package cn.huoxian.deployment;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A commando team with its organisation, leader, current member count and open tasks;
 * {@code members} and {@code tasks} only for one team.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TeamView(long id, String name, long partyOrganisationId, String partyOrganisationName, String regionCode,
		String path, Long leaderId, String leaderName, String task, LocalDate formedOn, LocalDate dissolvedOn,
		int memberCount, int openTasks, List<Member> members, List<Task> tasks) {

	public boolean dissolved() {
		return dissolvedOn != null;
	}

	/** A member; {@code leftOn} once they left. */
	public record Member(long personId, String name, LocalDate joinedOn, LocalDate leftOn) {
	}

	/** A task; done once {@code doneOn} is set. */
	public record Task(long id, String description, LocalDate dueOn, LocalDate doneOn, String createdBy) {
	}

}

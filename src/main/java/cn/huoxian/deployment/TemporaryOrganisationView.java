package cn.huoxian.deployment;

import java.time.LocalDate;
import java.util.List;

import cn.huoxian.org.TemporaryCategory;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A temporary party organisation at a post with its secretary, member count and the
 * number of distinct units its members come from; {@code members} only for one
 * organisation.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TemporaryOrganisationView(long id, String code, String name, TemporaryCategory category, String post,
		String regionCode, String path, LocalDate setUpOn, LocalDate dissolvedOn, boolean active, Long secretaryId,
		String secretaryName, int memberCount, int unitCount, List<TemporaryMember> members) {

	/** One member: where they come from and whether they are the secretary. */
	public record TemporaryMember(long personId, String name, boolean secretary, Long fromUnitId, String fromUnitName,
			LocalDate joinedOn) {
	}

}

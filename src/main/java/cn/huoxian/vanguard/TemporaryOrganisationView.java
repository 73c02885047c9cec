package cn.huoxian.vanguard;

import java.time.LocalDate;
import java.util.List;

import cn.huoxian.org.TemporaryCategory;
import cn.huoxian.shared.RegionPath;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.annotation.Nullable;

/**
 * A temporary party organisation at a post with its secretary, member count and the
 * number of distinct units its members come from; {@code members} only for one
 * organisation.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TemporaryOrganisationView(long id, String code, String name, @Nullable TemporaryCategory category,
		@Nullable String post, String regionCode, RegionPath path, @Nullable LocalDate setUpOn,
		@Nullable LocalDate dissolvedOn, boolean active, @Nullable Long secretaryId, @Nullable String secretaryName,
		int memberCount, int unitCount, @Nullable List<TemporaryMember> members) {

	/** One member: where they come from and whether they are the secretary. */
	public record TemporaryMember(long personId, String name, boolean secretary, @Nullable Long fromUnitId,
			@Nullable String fromUnitName, LocalDate joinedOn) {
	}

}

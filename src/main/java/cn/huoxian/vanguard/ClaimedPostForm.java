package cn.huoxian.vanguard;

import java.time.LocalDate;

import cn.huoxian.shared.PlausibleDate;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/**
 * A key post claimed by a party member (认领岗位): the person, the post, the region (code;
 * default the person's region) and the day claimed (default today).
 */
public record ClaimedPostForm(@Min(1) Long personId, @Size(max = 200) String post, @Size(max = 20) String region,
		@PlausibleDate LocalDate claimedOn) {
}

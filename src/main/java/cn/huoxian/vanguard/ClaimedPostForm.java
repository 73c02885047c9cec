package cn.huoxian.vanguard;

import java.time.LocalDate;

import cn.huoxian.shared.PlausibleDate;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

/**
 * A key post claimed by a party member (认领岗位): the person, the post, the region (code;
 * default the person's region) and the day claimed (default today).
 */
public record ClaimedPostForm(@Min(1) Long personId,
		@NotBlank(message = "{problem.required}") @Size(max = 200, message = "{vanguard.field.too-long}") String post,
		@Size(max = 20, message = "{vanguard.field.too-long}") String region,
		@PlausibleDate @PastOrPresent(message = "{problem.field.future}") LocalDate claimedOn) {
}

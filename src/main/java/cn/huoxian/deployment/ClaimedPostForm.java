package cn.huoxian.deployment;

import java.time.LocalDate;

/**
 * A key post claimed by a party member (认领岗位): the person, the post, the region (code;
 * default the person's region) and the day claimed (default today).
 */
public record ClaimedPostForm(Long personId, String post, String region, LocalDate claimedOn) {
}

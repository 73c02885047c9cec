package cn.huoxian.householdlink;

import java.time.LocalDate;

import cn.huoxian.shared.RegionPath;
import jakarta.annotation.Nullable;

/**
 * A household linked to a party member (1+10): where the household is and who answers for
 * it. No ID numbers.
 */
public record HouseholdLinkView(long householdId, String gridCode, RegionPath path, String address,
		@Nullable String door, long partyMemberId, String partyMemberName, LocalDate linkedOn, String createdBy) {
}

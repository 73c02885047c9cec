package cn.huoxian.householdlink;

import java.time.LocalDate;

import jakarta.annotation.Nullable;

/**
 * A household linked to a party member (1+10): where the household is and who answers for
 * it. No ID numbers.
 */
public record HouseholdLinkView(long householdId, String gridCode, String path, String address, @Nullable String door,
		long partyMemberId, String partyMemberName, LocalDate linkedOn, String createdBy) {
}

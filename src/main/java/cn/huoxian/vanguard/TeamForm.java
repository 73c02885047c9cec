package cn.huoxian.vanguard;

import java.time.LocalDate;

import cn.huoxian.shared.PlausibleDate;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/**
 * Forming a commando team: its name, the party organisation it belongs to, the region it
 * works in (a code; default the organisation's region, and within its subtree), its
 * leader (a party member), its task and the day it was formed (default today).
 */
public record TeamForm(@Size(max = 100) String name, @Min(1) Long partyOrganisationId, @Size(max = 20) String region,
		@Min(1) Long leaderId, @Size(max = 500) String task, @PlausibleDate LocalDate formedOn) {
}

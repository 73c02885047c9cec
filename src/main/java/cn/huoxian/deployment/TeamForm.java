package cn.huoxian.deployment;

import java.time.LocalDate;

/**
 * Forming a commando team: its name, the party organisation it belongs to, the region it
 * works in (a code; default the organisation's region, and within its subtree), its
 * leader (a party member), its task and the day it was formed (default today).
 */
public record TeamForm(String name, Long partyOrganisationId, String region, Long leaderId, String task,
		LocalDate formedOn) {
}

package cn.huoxian.deployment;

import java.time.LocalDate;

/**
 * A model post (党员示范岗): its name, party organisation, holder (a party member), region
 * (code; default the organisation's region) and the day it was designated (default
 * today).
 */
public record ModelPostForm(String name, Long partyOrganisationId, Long holderId, String region,
		LocalDate designatedOn) {
}

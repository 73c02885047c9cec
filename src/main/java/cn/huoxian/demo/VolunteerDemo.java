package cn.huoxian.demo;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.huoxian.access.Accounts;
import cn.huoxian.access.NewAccount;
import cn.huoxian.org.UnitView;
import cn.huoxian.org.Units;
import cn.huoxian.people.People;
import cn.huoxian.shared.BusinessDay;
import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.DataScope;
import cn.huoxian.shared.RegionPath;
import cn.huoxian.shared.Role;
import cn.huoxian.volunteer.Claims;
import cn.huoxian.volunteer.Needs;
import cn.huoxian.volunteer.Registrations;
import cn.huoxian.volunteer.UnitReports;
import org.springframework.stereotype.Component;

/**
 * 双报到 in the demo's live emergency: xinhua's unit reports in to the community where most
 * of its party members live (received) and to a second one (awaiting the receipt); its
 * members living in 新华区 register where they live; the community's needs of the last two
 * days are claimed and their hours confirmed (one still to confirm), those of the next
 * two days partly claimed; the account {@value #ACCOUNT} is one of the members, to claim
 * on a phone, and {@value #UNIT_ACCOUNT} the unit's staff, who read its members' hours.
 */
@Component
class VolunteerDemo {

	/** The demo's party member (党员自助) account. */
	static final String ACCOUNT = "dangyuan";

	/** The demo's unit staff (单位工作人员) account, of xinhua's unit. */
	static final String UNIT_ACCOUNT = "danwei";

	private final Units units;

	private final People people;

	private final UnitReports unitReports;

	private final Registrations registrations;

	private final Needs needs;

	private final Claims claims;

	private final Accounts accounts;

	VolunteerDemo(Units units, People people, UnitReports unitReports, Registrations registrations, Needs needs,
			Claims claims, Accounts accounts) {
		this.units = units;
		this.people = people;
		this.unitReports = unitReports;
		this.registrations = registrations;
		this.needs = needs;
		this.claims = claims;
		this.accounts = accounts;
	}

	/**
	 * Records it as of {@code now}, with xinhua's unit (the county's first unit without
	 * one).
	 */
	void record(CurrentUser admin, Long unitId, String county, OffsetDateTime now) {
		if (unitId == null) {
			return;
		}
		UnitView unit = units.fetch(unitId).orElse(null);
		if (unit == null) {
			return;
		}
		RegionPath countyPath = RegionPath.of("/130900/" + county + "/");
		// the unit's members living in the county, by community (the village's code)
		Map<String, List<People.InServiceMember>> byCommunity = new LinkedHashMap<>();
		for (People.InServiceMember m : people.inServiceMembers(unit.id(), unit.partyOrganisationId(), 2_000)) {
			if (m.path().isWithin(countyPath) && m.path().codes().size() >= 4) {
				byCommunity.computeIfAbsent(m.path().codes().get(3), k -> new ArrayList<>()).add(m);
			}
		}
		if (byCommunity.isEmpty()) {
			return;
		}
		List<String> communities = byCommunity.keySet()
			.stream()
			.sorted((a, b) -> byCommunity.get(b).size() - byCommunity.get(a).size())
			.toList();
		String home = communities.get(0);
		List<People.InServiceMember> here = byCommunity.get(home).stream().limit(8).toList();
		List<People.InServiceMember> elsewhere = communities.stream()
			.skip(1)
			.limit(5)
			.map(c -> byCommunity.get(c).get(0))
			.toList();
		// registered a week before the needs they served
		java.time.LocalDate registeredOn = BusinessDay.of(now).minusDays(7);
		for (People.InServiceMember m : here) {
			registrations.registerAsOf(m.id(), admin, registeredOn);
		}
		// the last of them has not registered: the unit's page lists them
		for (People.InServiceMember m : elsewhere.subList(0, Math.max(0, elsewhere.size() - 1))) {
			registrations.registerAsOf(m.id(), admin, registeredOn);
		}
		var report = unitReports.report(unit.id(), home, "机关党支部全体在职党员到社区报到，听从社区调遣", admin);
		unitReports.receive(report.id(), admin);
		if (communities.size() > 1) {
			unitReports.report(unit.id(), communities.get(1), null, admin);
		}
		needs(admin, home, here, now);
		if (!here.isEmpty() && !accounts.exists(ACCOUNT)) {
			accounts.create(new NewAccount(ACCOUNT, DemoCity.DEMO_PASSWORD, Role.PARTY_MEMBER,
					here.get(here.size() - 1).id(), List.of()));
		}
		if (!accounts.exists(UNIT_ACCOUNT)) {
			accounts.create(new NewAccount(UNIT_ACCOUNT, DemoCity.DEMO_PASSWORD, Role.UNIT_STAFF, null,
					List.of(new cn.huoxian.access.ScopeRoot(cn.huoxian.access.ScopeRoot.Kind.UNIT, unit.code()))));
		}
	}

	/**
	 * Two needs of the last two days, claimed two days ago and confirmed but for one
	 * claim; two of the next two days, partly claimed (the last member, the demo account,
	 * claims nothing yet).
	 */
	private void needs(CurrentUser admin, String community, List<People.InServiceMember> members, OffsetDateTime now) {
		LocalDate today = BusinessDay.of(now);
		OffsetDateTime claimedAt = BusinessDay.startOf(today.minusDays(2)).minusHours(3);
		var door = needs.publish(need(community, "CHECKPOINT_DUTY", "小区出入口值守、测温登记", "东门", today.minusDays(1), 8, 12, 3),
				admin);
		var stairs = needs
			.publish(need(community, "DISINFECTION", "楼道和电梯消杀", "3 号楼至 8 号楼", today.minusDays(2), 14, 17, 2), admin);
		var leaflets = needs.publish(need(community, "PUBLICITY", "入户发放防疫宣传单", null, today.plusDays(1), 9, 12, 4),
				admin);
		needs.publish(need(community, "SCREENING", "返乡人员摸底登记", "社区服务站", today.plusDays(2), 8, 12, 2), admin);
		List<People.InServiceMember> claimers = members.subList(0, Math.max(0, members.size() - 1));
		for (int i = 0; i < claimers.size(); i++) {
			People.InServiceMember m = claimers.get(i);
			CurrentUser self = new CurrentUser("demo", m.id(), Role.PARTY_MEMBER,
					new DataScope(List.of(), List.of(), List.of(), m.id()));
			if (i < 3) {
				var claim = claims.claimAsOf(door.id(), self, claimedAt);
				// the door's last claim is still to confirm
				if (i < Math.min(3, claimers.size()) - 1) {
					claims.confirm(claim.id(), new java.math.BigDecimal(i == 0 ? "4" : "3.5"), admin);
				}
			}
			if (i < 2) {
				claims.confirm(claims.claimAsOf(stairs.id(), self, claimedAt).id(), new java.math.BigDecimal("3"),
						admin);
			}
			if (i >= 1 && i <= 3) {
				claims.claimAsOf(leaflets.id(), self, claimedAt);
			}
		}
	}

	private static Needs.ServiceNeedForm need(String community, String kind, String title, String place, LocalDate day,
			int from, int to, int people) {
		return new Needs.ServiceNeedForm(community, kind, title, place, BusinessDay.startOf(day).plusHours(from),
				BusinessDay.startOf(day).plusHours(to), people);
	}

}

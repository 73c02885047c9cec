package cn.huoxian.support;

import java.util.List;

import cn.huoxian.org.HouseholdForm;
import cn.huoxian.org.HouseholdView;
import cn.huoxian.org.Households;
import cn.huoxian.org.RegionForm;
import cn.huoxian.org.Regions;
import cn.huoxian.people.People;
import cn.huoxian.people.PersonForm;
import cn.huoxian.people.PersonView;
import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.DataScope;
import cn.huoxian.shared.RegionPath;
import cn.huoxian.shared.Role;

/**
 * The little network a module test needs, made through org's and people's own beans: a
 * fresh grid under a county, a household in it, residents with valid ID numbers no one
 * else holds.
 */
public final class ModuleFixtures {

	/** The city administrator, as a module test's caller. */
	public static final CurrentUser ADMIN = new CurrentUser("admin", null, Role.CITY_ADMIN,
			DataScope.ofRegions(RegionPath.root("130900")));

	private final Regions regions;

	private final Households households;

	private final People people;

	public ModuleFixtures(Regions regions, Households households, People people) {
		this.regions = regions;
		this.households = households;
		this.people = people;
	}

	/** A new township, village and grid under the county; answers the grid's code. */
	public String grid(String county) {
		String township = FreeCodes.township(county, code -> regions.byCode(code).isPresent());
		String village = township.substring(0, 9) + "001";
		regions.create(new RegionForm(township, "测试街道", county), ADMIN);
		regions.create(new RegionForm(village, "测试社区", township), ADMIN);
		return regions.create(new RegionForm(village + "001", "测试网格", village), ADMIN).code();
	}

	public HouseholdView household(String grid) {
		return households.create(new HouseholdForm(grid, "1号楼", "测试路1号", "101"), ADMIN);
	}

	/** A resident of the household with a valid, unused ID number. */
	public PersonView resident(HouseholdView household, String name) {
		String idNumber = TestIdNumbers.fresh();
		return people.create(new PersonForm(name, idNumber, null, household.id(), null, List.of()), ADMIN);
	}

	/** The administrator acting as this person (so what they do is theirs). */
	public static CurrentUser adminAs(PersonView person) {
		return new CurrentUser("admin", person.id(), Role.CITY_ADMIN, ADMIN.scope());
	}

}

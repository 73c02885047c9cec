package cn.huoxian.supplies;

import static cn.huoxian.support.Pages.login;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.huoxian.access.Accounts;
import cn.huoxian.org.RegionForm;
import cn.huoxian.org.Regions;
import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.DataScope;
import cn.huoxian.shared.RegionPath;
import cn.huoxian.shared.Role;
import cn.huoxian.support.Api;
import cn.huoxian.support.FreeCodes;
import cn.huoxian.support.SqlTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Supplies on the pages: a community asks on its page, a mistyped quantity keeps what was
 * typed and says why, the township allocates from its warehouse and the community
 * confirms the delivery.
 */
@SqlTest
class SupplyPageTests {

	private static final CurrentUser ADMIN = new CurrentUser("admin", null, Role.CITY_ADMIN,
			DataScope.ofRegions(RegionPath.root("130900")));

	@Autowired
	MockMvc mvc;

	@Autowired
	Regions regions;

	@Autowired
	Accounts accounts;

	@Autowired
	Supplies supplies;

	private String account(String region) {
		return Api.regionStaff(accounts, region);
	}

	private String page(MockHttpSession session, MockHttpServletRequestBuilder request, int expected) throws Exception {
		var response = mvc.perform(request.session(session)).andReturn().getResponse();
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(expected);
		return expected == 302 ? response.getRedirectedUrl() : response.getContentAsString();
	}

	@Test
	void aCommunityAsksTheTownshipAllocatesAndTheCommunityConfirmsOnThePages() throws Exception {
		String township = FreeCodes.township("130903", code -> regions.byCode(code).isPresent());
		regions.create(new RegionForm(township, "页面物资街道", "130903"), ADMIN);
		String community = township.substring(0, 9) + "001";
		regions.create(new RegionForm(community, "页面物资社区", township), ADMIN);
		MockHttpSession asker = login(mvc, account(community));
		MockHttpSession giver = login(mvc, account(township));
		long thermometer = supplies.items()
			.stream()
			.filter(i -> i.code().equals("THERMOMETER"))
			.findFirst()
			.orElseThrow()
			.id();

		assertThat(page(asker, get("/supplies"), 200)).contains("id=\"request-form\"")
			.doesNotContain("id=\"receive-form\"");
		String wrong = page(asker,
				post("/supplies/requests").with(csrf())
					.param("region", community)
					.param("itemId", String.valueOf(thermometer))
					.param("quantity", "五把")
					.param("note", "卡口夜班用"),
				200);
		assertThat(wrong).contains("不是数字：五把").contains("value=\"五把\"").contains("卡口夜班用");
		assertThat(page(asker,
				post("/supplies/requests").with(csrf())
					.param("region", community)
					.param("itemId", String.valueOf(thermometer))
					.param("quantity", "5")
					.param("urgency", "URGENT"),
				302))
			.isEqualTo("/supplies?region=" + community);

		page(giver,
				post("/supplies/receive").with(csrf())
					.param("region", township)
					.param("itemId", String.valueOf(thermometer))
					.param("quantity", "20"),
				302);
		String list = page(giver, get("/supplies"), 200);
		assertThat(list).contains("页面物资社区").contains("红外体温枪").contains("紧急").contains("class=\"allocate\"");
		long id = supplies.requests(community, "OPEN", 0, 5, ADMIN).items().get(0).id();
		page(giver,
				post("/supplies/requests/" + id + "/allocate").with(csrf())
					.param("region", township)
					.param("fromRegionCode", township),
				302);
		assertThat(page(asker, get("/supplies"), 200)).contains("class=\"deliver\"").contains("已调拨");
		page(asker, post("/supplies/requests/" + id + "/deliver").with(csrf()).param("region", community), 302);
		assertThat(page(asker, get("/supplies"), 200)).contains("已收货").contains("收货入库");
	}

}

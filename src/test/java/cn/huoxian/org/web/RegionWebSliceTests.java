package cn.huoxian.org.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import cn.huoxian.org.Households;
import cn.huoxian.org.RegionForm;
import cn.huoxian.org.RegionLevel;
import cn.huoxian.org.RegionView;
import cn.huoxian.org.Regions;
import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.CurrentUserProvider;
import cn.huoxian.shared.DataScope;
import cn.huoxian.shared.InvalidInputException;
import cn.huoxian.shared.Messages;
import cn.huoxian.shared.NotFoundException;
import cn.huoxian.shared.RegionPath;
import cn.huoxian.shared.Role;
import cn.huoxian.shared.web.ProblemSlice;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The region API and the region pages as HTTP, in an MVC slice: the services are mocked,
 * so what is checked is the JSON shape, the status codes, the view and its model, and how
 * a service's refusal becomes a form error. Spring Security's defaults stand in for the
 * application's chains (a signed-in user, CSRF on forms); the signed-in user is the
 * product's own {@link CurrentUser} from a mocked {@link CurrentUserProvider}.
 */
@WebMvcTest(controllers = { RegionApi.class, RegionPages.class },
		excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = ProblemSlice.NOT_IN_SLICES))
@Import(ProblemSlice.class)
class RegionWebSliceTests {

	static final CurrentUser XINHUA = new CurrentUser("xinhua", null, Role.REGION_STAFF,
			DataScope.ofRegions(new RegionPath("/130900/130902/")));

	static final RegionView COUNTY = new RegionView(2, "130902", "新华区", RegionLevel.COUNTY,
			new RegionPath("/130900/130902/"), "130900", new RegionView.Counts(120, 300, 25, 4));

	@Autowired
	MockMvc mvc;

	@MockitoBean
	Regions regions;

	@MockitoBean
	Households households;

	@MockitoBean
	CurrentUserProvider users;

	@BeforeEach
	void signedIn() {
		given(users.current()).willReturn(XINHUA);
	}

	@Test
	void answersARegionAsJsonInTheCallersScope() throws Exception {
		given(regions.find("130902", XINHUA.scope())).willReturn(COUNTY);

		mvc.perform(get("/api/v1/regions/130902"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.code").value("130902"))
			.andExpect(jsonPath("$.level").value("COUNTY"))
			.andExpect(jsonPath("$.parentCode").value("130900"))
			.andExpect(jsonPath("$.counts.households").value(120))
			.andExpect(jsonPath("$.counts.partyMembers").value(25));
	}

	@Test
	void aRegionOutsideTheScopeIsA404Problem() throws Exception {
		given(regions.find(eq("130903"), any())).willAnswer(invocation -> {
			throw new NotFoundException(Messages.text("org.what.region", "130903"));
		});

		mvc.perform(get("/api/v1/regions/130903").header("Accept-Language", "en"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.type").value("https://huoxian.cn/problems/not-found"))
			.andExpect(jsonPath("$.detail").value("region 130903 not found"));
	}

	@Test
	void aBlankCodeNeverReachesTheService() throws Exception {
		mvc.perform(post("/api/v1/regions").contentType(MediaType.APPLICATION_JSON)
			.content("{\"code\":\"\",\"name\":\"x\",\"parentCode\":\"130902\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("code"));
		then(regions).should(never()).create(any(), any());
	}

	@Test
	void createsARegionWithTheSignedInUser() throws Exception {
		RegionView created = new RegionView(9, "130902901000", "测试街道", RegionLevel.TOWNSHIP,
				new RegionPath("/130900/130902/130902901000/"), "130902", new RegionView.Counts(0, 0, 0, 0));
		given(regions.create(new RegionForm("130902901000", "测试街道", "130902"), XINHUA)).willReturn(created);

		mvc.perform(post("/api/v1/regions").contentType(MediaType.APPLICATION_JSON)
			.content("{\"code\":\"130902901000\",\"name\":\"测试街道\",\"parentCode\":\"130902\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.level").value("TOWNSHIP"))
			.andExpect(jsonPath("$.path").value("/130900/130902/130902901000/"));
	}

	@Test
	void theNewRegionFormShowsItsParent() throws Exception {
		given(regions.find("130902", XINHUA.scope())).willReturn(COUNTY);

		mvc.perform(get("/regions/130902/new"))
			.andExpect(status().isOk())
			.andExpect(view().name("org/region-form"))
			.andExpect(model().attribute("parent", COUNTY))
			.andExpect(model().attribute("form", new RegionForm("", "", "130902")));
	}

	@Test
	void aBlankNameIsAFormErrorAndNothingIsCreated() throws Exception {
		given(regions.find("130902", XINHUA.scope())).willReturn(COUNTY);

		mvc.perform(post("/regions/130902/new").param("code", "130902901000").param("name", ""))
			.andExpect(status().isOk())
			.andExpect(view().name("org/region-form"))
			.andExpect(model().attributeHasFieldErrors("form", "name"))
			.andExpect(model().attribute("parent", COUNTY));
		then(regions).should(never()).create(any(), any());
	}

	@Test
	void theServicesRefusalBecomesAnErrorOnItsField() throws Exception {
		given(regions.find("130902", XINHUA.scope())).willReturn(COUNTY);
		given(regions.create(new RegionForm("130902001000", "重复", "130902"), XINHUA))
			.willThrow(new InvalidInputException("code", "已被其他区域使用"));

		mvc.perform(post("/regions/130902/new").param("code", "130902001000").param("name", "重复"))
			.andExpect(status().isOk())
			.andExpect(view().name("org/region-form"))
			.andExpect(model().attributeHasFieldErrorCode("form", "code", "invalid"))
			.andExpect(result -> org.assertj.core.api.Assertions
				.assertThat(((org.springframework.validation.BindingResult) result.getModelAndView()
					.getModel()
					.get("org.springframework.validation.BindingResult.form")).getFieldError("code")
					.getDefaultMessage())
				.isEqualTo("已被其他区域使用"));
	}

	@Test
	void aCreatedRegionRedirectsToItsPage() throws Exception {
		given(regions.find("130902", XINHUA.scope())).willReturn(COUNTY);
		given(regions.create(new RegionForm("130902901000", "测试街道", "130902"), XINHUA))
			.willReturn(new RegionView(9, "130902901000", "测试街道", RegionLevel.TOWNSHIP,
					new RegionPath("/130900/130902/130902901000/"), "130902", new RegionView.Counts(0, 0, 0, 0)));

		mvc.perform(post("/regions/130902/new").param("code", "130902901000").param("name", "测试街道"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/regions/130902901000"));
	}

}

package cn.huoxian.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

import cn.huoxian.org.Regions;
import cn.huoxian.shared.CurrentUserProvider;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class LayoutModelTests {

	private final Regions regions = mock(Regions.class);

	private final CurrentUserProvider users = mock(CurrentUserProvider.class);

	private final LayoutModel layout = new LayoutModel(users, regions);

	@Test
	void anApiRequestBuildsNoPageModel() {
		// @RestController is a @Controller: the advice runs for every API request
		MockHttpServletRequest api = new MockHttpServletRequest("GET", "/api/v1/regions/130902/children");
		assertThat(layout.scopeRoots(api)).isEmpty();
		assertThat(layout.me(api)).isNull();
		verifyNoInteractions(regions, users);
	}

	@Test
	void onlyPathsUnderApiAreTheApi() {
		assertThat(LayoutModel.isApi(new MockHttpServletRequest("GET", "/api/v1/me"))).isTrue();
		assertThat(LayoutModel.isApi(new MockHttpServletRequest("GET", "/regions/130902"))).isFalse();
		assertThat(LayoutModel.isApi(new MockHttpServletRequest("GET", "/apis"))).isFalse();
	}

}

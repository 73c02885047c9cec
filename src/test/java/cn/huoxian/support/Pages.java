package cn.huoxian.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;

import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** Signs a demo account in through the real login form and returns its session. */
public final class Pages {

	private Pages() {
	}

	public static MockHttpSession login(MockMvc mvc, String username) throws Exception {
		return (MockHttpSession) mvc.perform(formLogin("/login").user(username).password(Api.PASSWORD))
			.andReturn()
			.getRequest()
			.getSession(false);
	}

}

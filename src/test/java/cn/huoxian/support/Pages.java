package cn.huoxian.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;

import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Signs a demo account in through the real login form and returns its session; fetches a
 * page in a session.
 */
public final class Pages {

	private Pages() {
	}

	public static MockHttpSession login(MockMvc mvc, String username) throws Exception {
		return (MockHttpSession) mvc.perform(formLogin("/login").user(username).password(Api.PASSWORD))
			.andReturn()
			.getRequest()
			.getSession(false);
	}

	/**
	 * The page a request in this session answers with the expected status: its HTML, or
	 * where a 302 redirects to.
	 */
	public static String page(MockMvc mvc, MockHttpSession session, MockHttpServletRequestBuilder request, int expected)
			throws Exception {
		var response = mvc.perform(request.session(session)).andReturn().getResponse();
		org.assertj.core.api.Assertions.assertThat(response.getStatus())
			.as(response.getContentAsString())
			.isEqualTo(expected);
		return expected == 302 ? response.getRedirectedUrl() : response.getContentAsString();
	}

}

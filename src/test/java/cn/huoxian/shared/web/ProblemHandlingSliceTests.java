package cn.huoxian.shared.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.huoxian.org.Regions;
import cn.huoxian.shared.CurrentUserProvider;
import cn.huoxian.shared.NotFoundException;
import cn.huoxian.shared.RuleViolationException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The RFC 9457 answers of {@link ApiProblemHandler} in an MVC slice: no database, no demo
 * city, one probe controller that fails on demand, in Simplified Chinese by default and
 * in English by Accept-Language.
 */
@WebMvcTest(controllers = ProblemHandlingSliceTests.Probe.class,
		excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = ProblemSlice.NOT_IN_SLICES))
@Import({ ProblemSlice.class, ProblemHandlingSliceTests.Probe.class })
@MockitoBean(types = { CurrentUserProvider.class, Regions.class })
class ProblemHandlingSliceTests {

	@Autowired
	MockMvc mvc;

	@Test
	void unreadableJsonIsA400Problem() throws Exception {
		mvc.perform(post("/api/v1/probe").contentType(MediaType.APPLICATION_JSON).content("{\"name\":"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(400))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("请求体不是有效的 JSON")));
		mvc.perform(post("/api/v1/probe").header("Accept-Language", "en")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":"))
			.andExpect(status().isBadRequest())
			.andExpect(
					jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("The request body is not valid JSON")));
	}

	@Test
	void aFieldThatFailsValidationIsNamedWithItsReason() throws Exception {
		mvc.perform(post("/api/v1/probe").contentType(MediaType.APPLICATION_JSON).content("{\"name\":\" \"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("https://huoxian.cn/problems/invalid-input"))
			.andExpect(jsonPath("$.errors[0].field").value("name"))
			.andExpect(jsonPath("$.errors[0].reason").value("不能为空"));
		mvc.perform(post("/api/v1/probe").header("Accept-Language", "en")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\" \"}"))
			.andExpect(jsonPath("$.errors[0].field").value("name"))
			.andExpect(jsonPath("$.errors[0].reason").value("must not be blank"));
	}

	@Test
	void aBrokenRuleIsA422InTheCallersLanguage() throws Exception {
		mvc.perform(get("/api/v1/probe/rule"))
			.andExpect(status().is(422))
			.andExpect(jsonPath("$.type").value("https://huoxian.cn/problems/rule-violation"))
			.andExpect(jsonPath("$.title").value("不符合业务规则"))
			.andExpect(jsonPath("$.detail").value("网格下不设下级区域，请在网格中登记楼栋和住户"));
		mvc.perform(get("/api/v1/probe/rule").header("Accept-Language", "en"))
			.andExpect(status().is(422))
			.andExpect(jsonPath("$.title").value("Breaks a rule"))
			.andExpect(jsonPath("$.detail").value("A grid has no child regions; add buildings and households instead"));
	}

	@Test
	void somethingMissingIsA404Problem() throws Exception {
		mvc.perform(get("/api/v1/probe/missing/130999"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("https://huoxian.cn/problems/not-found"))
			.andExpect(jsonPath("$.title").value("未找到"))
			.andExpect(jsonPath("$.detail").value("未找到区域 130999"));
		mvc.perform(get("/api/v1/probe/missing/130999").header("Accept-Language", "en"))
			.andExpect(jsonPath("$.title").value("Not found"))
			.andExpect(jsonPath("$.detail").value("region 130999 not found"));
		mvc.perform(get("/api/v1/no-such-thing").header("Accept-Language", "en"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.type").value("https://huoxian.cn/problems/not-found"))
			.andExpect(jsonPath("$.detail").value("Nothing here"));
	}

	/** Fails the way the application's controllers do; only in this slice. */
	@TestComponent
	@RestController
	static class Probe {

		record Body(@NotBlank String name) {
		}

		@PostMapping("/api/v1/probe")
		Body post(@Valid @RequestBody Body body) {
			return body;
		}

		@GetMapping("/api/v1/probe/rule")
		void rule() {
			throw new RuleViolationException(cn.huoxian.shared.Messages.text("org.error.region.grid-has-no-children"));
		}

		@GetMapping("/api/v1/probe/missing/{code}")
		void missing(@PathVariable String code) {
			throw new NotFoundException(cn.huoxian.shared.Messages.text("org.what.region", code));
		}

	}

}

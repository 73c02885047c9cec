package cn.huoxian.people;

import static cn.huoxian.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.DataScope;
import cn.huoxian.shared.IdNumber;
import cn.huoxian.shared.PageResult;
import cn.huoxian.shared.RegionPath;
import cn.huoxian.shared.Role;
import cn.huoxian.support.Pages;
import cn.huoxian.support.SqlTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The person search counts up to 1,000 ({@link PageResult#COUNT_BOUND}): exact at and
 * below it, "more than 1,000" above it, in the API's {@code totalIsLowerBound} and on the
 * page in each language, through the caller's data scope; paging goes on past the bound.
 * Its own persons: 999 named {@code P甲…} and one {@code P乙} in 新华区 (130902), one more
 * {@code P甲…} in 运河区 (130903), P a fresh prefix.
 */
@SqlTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PersonSearchBoundTests {

	private static final int BOUND = PageResult.COUNT_BOUND;

	@Autowired
	MockMvc mvc;

	@Autowired
	People people;

	@Autowired
	TransactionTemplate transactions;

	private final Random random = new Random();

	private String prefix;

	@BeforeAll
	void registerPersons() {
		String pool = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥";
		StringBuilder p = new StringBuilder("边界");
		for (int i = 0; i < 5; i++) {
			p.append(pool.charAt(random.nextInt(pool.length())));
		}
		prefix = p.toString();
		List<String> ids = freshIdNumbers(BOUND + 1);
		List<PersonForm> forms = new ArrayList<>();
		for (int i = 0; i < BOUND - 1; i++) {
			forms.add(form(prefix + "甲" + i, ids.get(i), "130902"));
		}
		forms.add(form(prefix + "甲" + BOUND, ids.get(BOUND - 1), "130903"));
		forms.add(form(prefix + "乙", ids.get(BOUND), "130902"));
		CurrentUser admin = new CurrentUser("admin", null, Role.CITY_ADMIN,
				DataScope.ofRegions(RegionPath.root("130900")));
		transactions.executeWithoutResult(tx -> {
			People.Registration registration = people.registration(admin);
			registration.register(forms);
			registration.finish();
		});
	}

	/** Valid ID numbers born before the demo city's residents, none registered yet. */
	private List<String> freshIdNumbers(int count) {
		Set<String> numbers = new LinkedHashSet<>();
		while (numbers.size() < count) {
			numbers.add(IdNumber
				.of("130902", LocalDate.of(1920, 1, 1).plusDays(random.nextInt(5_000)), random.nextInt(1_000))
				.value());
		}
		numbers.removeAll(people.registeredIdNumbers(numbers));
		return numbers.size() < count ? freshIdNumbers(count) : List.copyOf(numbers);
	}

	private static PersonForm form(String name, String idNumber, String regionCode) {
		return new PersonForm(name, idNumber, null, null, regionCode, List.of());
	}

	@Test
	void belowTheBoundTheTotalIsExact() throws Exception {
		mvc.perform(as(mvc, "admin", get("/api/v1/persons?size=20&region=130902&q=" + prefix + "甲")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(BOUND - 1))
			.andExpect(jsonPath("$.totalIsLowerBound").value(false))
			.andExpect(jsonPath("$.items.length()").value(20));
	}

	@Test
	void atTheBoundTheTotalIsExact() throws Exception {
		mvc.perform(as(mvc, "admin", get("/api/v1/persons?size=20&q=" + prefix + "甲")))
			.andExpect(jsonPath("$.total").value(BOUND))
			.andExpect(jsonPath("$.totalIsLowerBound").value(false));
	}

	@Test
	void aboveTheBoundTheTotalSaysMoreThan() throws Exception {
		mvc.perform(as(mvc, "admin", get("/api/v1/persons?size=20&q=" + prefix)))
			.andExpect(jsonPath("$.total").value(BOUND))
			.andExpect(jsonPath("$.totalIsLowerBound").value(true))
			.andExpect(jsonPath("$.items[0].name").value(prefix + "乙"));
	}

	@Test
	void theBoundedCountKeepsToTheCallersScope() throws Exception {
		// 新华区's staff see 999 + 1 of the 1,001: exactly the bound, counted exactly
		mvc.perform(as(mvc, "xinhua", get("/api/v1/persons?size=20&q=" + prefix)))
			.andExpect(jsonPath("$.total").value(BOUND))
			.andExpect(jsonPath("$.totalIsLowerBound").value(false));
		mvc.perform(as(mvc, "xinhua", get("/api/v1/persons?size=20&region=130903&q=" + prefix)))
			.andExpect(status().isNotFound());
		mvc.perform(as(mvc, "grid01", get("/api/v1/persons?size=20&q=" + prefix)))
			.andExpect(jsonPath("$.total").value(0))
			.andExpect(jsonPath("$.items").isEmpty());
	}

	@Test
	void pagingGoesOnPastTheBound() throws Exception {
		// by name: P乙, P甲0, P甲1, P甲10, … P甲998; the last page before the bound still
		// shows one more, since the count reaches past it
		mvc.perform(as(mvc, "admin", get("/api/v1/persons?size=20&page=49&q=" + prefix)))
			.andExpect(jsonPath("$.items.length()").value(20))
			.andExpect(jsonPath("$.total").value(BOUND + 1))
			.andExpect(jsonPath("$.totalIsLowerBound").value(false));
		mvc.perform(as(mvc, "admin", get("/api/v1/persons?size=20&page=50&q=" + prefix)))
			.andExpect(jsonPath("$.items.length()").value(1))
			.andExpect(jsonPath("$.items[0].name").value(prefix + "甲998"))
			.andExpect(jsonPath("$.total").value(BOUND + 1));
		mvc.perform(as(mvc, "admin", get("/api/v1/persons?size=20&page=51&q=" + prefix)))
			.andExpect(jsonPath("$.items").isEmpty())
			.andExpect(jsonPath("$.total").value(BOUND + 1));
	}

	@Test
	void thePageSaysMoreThanInEachLanguage() throws Exception {
		MockHttpSession session = Pages.login(mvc, "admin");
		assertThat(page(session, "zh-CN")).contains("超过 1,000 人").contains("1 / 50+");
		assertThat(page(session, "zh-TW")).contains("超過 1,000 人");
		assertThat(page(session, "en")).contains("More than 1,000");
		String exact = mvc.perform(get("/persons?lang=zh-CN&region=130902&q=" + prefix + "甲").session(session))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(exact).doesNotContain("超过").contains(">999<").contains("1 / 50<");
	}

	private String page(MockHttpSession session, String language) throws Exception {
		return mvc.perform(get("/persons?lang=" + language + "&q=" + prefix).session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

}

package cn.huoxian.web;

import static cn.huoxian.support.Pages.login;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.huoxian.support.SqlTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 14: a form's default dates are filled in a form a date field accepts
 * (yyyy-MM-dd), not the locale's short form ("2026/12/6"), which the browser shows as an
 * empty field.
 */
@SqlTest
class DateFieldsTests {

	@Autowired
	MockMvc mvc;

	@ParameterizedTest
	@CsvSource({ "admin, /screening, startsOn", "admin, /screening, endsOn", "grid01, /isolation, startDate" })
	void defaultDatesAreIso(String user, String page, String field) throws Exception {
		String html = mvc.perform(get(page).session(login(mvc, user)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		Matcher input = Pattern.compile("<input[^>]*id=\"" + field + "\"[^>]*>").matcher(html);
		assertThat(input.find()).as(field + " on " + page).isTrue();
		Matcher value = Pattern.compile("value=\"([^\"]*)\"").matcher(input.group());
		assertThat(value.find()).isTrue();
		assertThat(value.group(1)).matches("\\d{4}-\\d{2}-\\d{2}");
	}

}

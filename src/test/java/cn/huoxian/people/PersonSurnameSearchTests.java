package cn.huoxian.people;

import static cn.huoxian.db.Tables.PERSON;
import static cn.huoxian.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.huoxian.shared.DataScope;
import cn.huoxian.shared.PageResult;
import cn.huoxian.shared.RegionPath;
import cn.huoxian.support.SqlTest;
import java.util.List;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A one-character search (a surname) is counted on the names' first character (V40's
 * index on PostgreSQL), a longer one on the name prefix: both give the persons the page
 * lists, bounded at 1,000, within the caller's scope.
 */
@SqlTest
class PersonSurnameSearchTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	People people;

	@Autowired
	DSLContext db;

	@Autowired
	MockMvc mvc;

	@Test
	void theCommonestSurnamesOfADistrictAreCountedAsTheirNamesAre() {
		DataScope city = DataScope.ofRegions(RegionPath.root("130900"));
		List<String> surnames = db.select(DSL.left(PERSON.NAME, DSL.inline(1)))
			.from(PERSON)
			.where(PERSON.PATH.like("/130900/130902/%"))
			.groupBy(DSL.left(PERSON.NAME, DSL.inline(1)))
			.orderBy(DSL.count().desc())
			.limit(3)
			.fetch(0, String.class);
		assertThat(surnames).hasSize(3);
		for (String surname : surnames) {
			long exact = db.fetchCount(PERSON,
					PERSON.PATH.like("/130900/130902/%").and(PERSON.NAME.like(surname + "%")));
			PageResult<PersonView> result = people.search("130902", surname, 0, 20, city);
			assertThat(result.total()).as(surname).isEqualTo(Math.min(exact, PageResult.COUNT_BOUND));
			assertThat(result.totalIsLowerBound()).as(surname).isEqualTo(exact > PageResult.COUNT_BOUND);
			assertThat(result.items()).isNotEmpty().allMatch(p -> p.name().startsWith(surname));
		}
	}

	@Test
	void aGridWorkersSurnameSearchCountsWhatTheirPagesList() throws Exception {
		JsonNode first = search("/api/v1/persons?size=100&q=");
		assertThat(first.path("items")).isNotEmpty();
		String surname = first.path("items").get(0).path("name").asString().substring(0, 1);
		JsonNode bySurname = search("/api/v1/persons?size=100&q=" + surname);
		long listed = bySurname.path("items").size();
		for (int page = 1; bySurname.path("items").size() == 100; page++) {
			bySurname = search("/api/v1/persons?size=100&page=" + page + "&q=" + surname);
			listed += bySurname.path("items").size();
		}
		assertThat(search("/api/v1/persons?size=1&q=" + surname).path("total").asLong()).isEqualTo(listed);
		assertThat(listed).isLessThan(first.path("total").asLong() + 1);
	}

	private JsonNode search(String url) throws Exception {
		return JSON.readTree(mvc.perform(as(mvc, "grid01", get(url))).andReturn().getResponse().getContentAsString());
	}

}

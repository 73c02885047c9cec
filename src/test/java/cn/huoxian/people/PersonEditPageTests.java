package cn.huoxian.people;

import static cn.huoxian.db.Tables.AUDIT_LOG;
import static cn.huoxian.db.Tables.PERSON;
import static cn.huoxian.db.Tables.PERSON_ROLE;
import static cn.huoxian.support.Pages.login;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.huoxian.support.SqlTest;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 14: editing a person shows the ID number and phone masked, as the person's page
 * does (the whole values are a reveal, with a reason and an audit entry); the masked
 * values sent back leave the stored ones as they were. The household is shown by its
 * address, not asked for as a number.
 */
@SqlTest
class PersonEditPageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	DSLContext db;

	private static String value(String html, String id) {
		Matcher m = Pattern.compile("<input[^>]*id=\"" + id + "\"[^>]*value=\"([^\"]*)\"").matcher(html);
		assertThat(m.find()).as(id).isTrue();
		return m.group(1);
	}

	@Test
	void theEditFormIsMaskedAndMaskedValuesStayAsStored() throws Exception {
		var person = db.selectFrom(PERSON)
			.where(PERSON.PATH.like("/130900/130902/%"))
			.and(PERSON.HOUSEHOLD_ID.isNotNull())
			.and(PERSON.PHONE.isNotNull())
			.andNotExists(DSL.selectOne().from(PERSON_ROLE).where(PERSON_ROLE.PERSON_ID.eq(PERSON.ID)))
			.orderBy(PERSON.ID)
			.limit(1)
			.fetchOne();
		long id = person.getId();
		int reveals = db.fetchCount(AUDIT_LOG, AUDIT_LOG.ACTION.eq("REVEAL"));
		MockHttpSession session = login(mvc, "xinhua");

		String html = mvc.perform(get("/persons/" + id + "/edit").session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(html).doesNotContain(person.getIdNumber()).doesNotContain(person.getPhone());
		assertThat(html).contains("id=\"household-address\"")
			.doesNotContain("inputmode=\"numeric\" id=\"householdId\"");
		assertThat(db.fetchCount(AUDIT_LOG, AUDIT_LOG.ACTION.eq("REVEAL"))).isEqualTo(reveals);
		String maskedId = value(html, "idNumber");
		String maskedPhone = value(html, "phone");
		assertThat(maskedId).contains("*");

		mvc.perform(post("/persons/" + id + "/edit").session(session)
			.with(csrf())
			.param("name", "改名测试")
			.param("idNumber", maskedId)
			.param("phone", maskedPhone)
			.param("householdId", value(html, "householdId"))).andExpect(redirectedUrl("/persons/" + id));

		var after = db.selectFrom(PERSON).where(PERSON.ID.eq(id)).fetchOne();
		assertThat(after.getName()).isEqualTo("改名测试");
		assertThat(after.getIdNumber()).isEqualTo(person.getIdNumber());
		assertThat(after.getPhone()).isEqualTo(person.getPhone());
		assertThat(after.getHouseholdId()).isEqualTo(person.getHouseholdId());
		db.update(PERSON).set(PERSON.NAME, person.getName()).where(PERSON.ID.eq(id)).execute();
	}

}

package cn.huoxian.record;

import static cn.huoxian.db.Tables.RECORD_ENTRY;
import static cn.huoxian.db.Tables.RECORD_INBOX;
import static cn.huoxian.support.Pages.login;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

import cn.huoxian.support.SqlTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 纪实维护: the administrator sees what waits in the inbox (with a failed row's error) and
 * rebuilds the record from the page; nobody else opens it.
 */
@SqlTest
class MaintenancePageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	DSLContext db;

	@Autowired
	RecordInbox inbox;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void theAdministratorSeesTheQueueAndRebuilds() throws Exception {
		var admin = login(mvc, "admin");
		String bad = "maintenance-" + System.nanoTime();
		inbox.pause("test");
		try {
			transactions.executeWithoutResult(status -> inbox.enqueue("DEPLOYMENT", List.of(bad)));
			String page = mvc.perform(get("/record/maintenance").session(admin))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();
			long rows = db.fetchCount(RECORD_INBOX);
			assertThat(page).contains("id=\"inbox-rows\">" + rows + "<").contains("纪实维护");
		}
		finally {
			inbox.resume();
		}
		// the drainer fails the row and keeps its error, which the page shows
		org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(20))
			.until(() -> db.fetchExists(RECORD_INBOX,
					RECORD_INBOX.SOURCE_KEYS.eq(bad).and(RECORD_INBOX.LAST_ERROR.isNotNull())));
		mvc.perform(get("/record/maintenance").session(admin))
			.andExpect(content().string(containsString("id=\"inbox-error\"")))
			.andExpect(content().string(containsString("id=\"retry-button\"")))
			.andExpect(content().string(containsString("id=\"discard-button\"")))
			.andExpect(content().string(containsString(bad)));
		db.deleteFrom(RECORD_INBOX).where(RECORD_INBOX.SOURCE_KEYS.eq(bad)).execute();

		// an entry lost from the record comes back through the page's rebuild
		Long lost = db.select(RECORD_ENTRY.ID)
			.from(RECORD_ENTRY)
			.where(RECORD_ENTRY.SOURCE_TYPE.eq("DEPLOYMENT"))
			.limit(1)
			.fetchOne(RECORD_ENTRY.ID);
		assertThat(lost).as("the demo city's record has deployments").isNotNull();
		db.deleteFrom(RECORD_ENTRY).where(RECORD_ENTRY.ID.eq(lost)).execute();
		var result = mvc.perform(post("/record/maintenance/rebuild").session(admin).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attributeExists("report"))
			.andReturn();
		@SuppressWarnings("unchecked")
		var report = (Map<String, RecordRebuild.Difference>) result.getFlashMap().get("report");
		assertThat(report.get("DEPLOYMENT").added()).isGreaterThanOrEqualTo(1);
		mvc.perform(get("/record/maintenance").session(admin).flashAttr("report", report))
			.andExpect(content().string(containsString("id=\"report-DEPLOYMENT\"")));
	}

	@Test
	void nobodyButTheAdministratorOpensItOrPausesTheRecord() throws Exception {
		for (String user : List.of("zzb", "xinhua", "grid01")) {
			var session = login(mvc, user);
			mvc.perform(get("/record/maintenance").session(session)).andExpect(status().isForbidden());
			for (String action : List.of("rebuild", "pause", "resume")) {
				mvc.perform(post("/record/maintenance/" + action).session(session).with(csrf()))
					.andExpect(status().isForbidden());
			}
			for (String action : List.of("pause", "resume")) {
				mvc.perform(cn.huoxian.support.Api.as(mvc, user, post("/api/v1/record/inbox/" + action)))
					.andExpect(status().isForbidden());
			}
		}
		assertThat(inbox.status().paused()).isFalse();
	}

	/** Paused from the page: shown there and in the API; resumed, the queue drains. */
	@Test
	void theAdministratorPausesAndResumesTheRecord() throws Exception {
		var admin = login(mvc, "admin");
		try {
			mvc.perform(post("/record/maintenance/pause").session(admin).with(csrf()))
				.andExpect(status().is3xxRedirection());
			mvc.perform(get("/record/maintenance").session(admin))
				.andExpect(content().string(containsString("id=\"inbox-paused\"")))
				.andExpect(content().string(containsString("/record/maintenance/resume")));
			mvc.perform(cn.huoxian.support.Api.as(mvc, "admin", get("/api/v1/record/inbox")))
				.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.paused")
					.value(true))
				.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.pausedBy")
					.value("admin"));
		}
		finally {
			mvc.perform(cn.huoxian.support.Api.as(mvc, "admin", post("/api/v1/record/inbox/resume")))
				.andExpect(status().isOk());
		}
		assertThat(inbox.status().paused()).isFalse();
		mvc.perform(get("/record/maintenance").session(admin))
			.andExpect(content().string(containsString("/record/maintenance/pause")));
	}

	/** Each refusal names the action: the key given to requireAdministrator exists. */
	@Test
	void othersAreToldInChineseWhatOnlyTheAdministratorMayDo() throws Exception {
		Map<String, String> actions = Map.of("POST /api/v1/record/inbox/pause", "暂停写入实绩纪实",
				"POST /api/v1/record/inbox/resume", "恢复写入实绩纪实", "POST /api/v1/record/inbox/retry", "重试实绩纪实的失败条目",
				"POST /api/v1/record/inbox/discard-failed", "丢弃实绩纪实的失败条目", "GET /api/v1/record/inbox", "重建实绩纪实或查看待记录队列",
				"POST /api/v1/record/rebuild", "重建实绩纪实或查看待记录队列");
		for (var action : actions.entrySet()) {
			String[] request = action.getKey().split(" ");
			var builder = request[0].equals("GET") ? get(request[1]) : post(request[1]);
			mvc.perform(cn.huoxian.support.Api.as(mvc, "xinhua", builder))
				.andExpect(status().isForbidden())
				.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.detail")
					.value("只有市级管理员可以" + action.getValue()));
		}
		mvc.perform(get("/record/maintenance").session(login(mvc, "xinhua")))
			.andExpect(status().isForbidden())
			.andExpect(content().string(containsString("只有市级管理员可以维护实绩纪实")));
	}

}

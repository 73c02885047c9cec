package cn.huoxian.exchange;

import static cn.huoxian.support.Api.token;
import static cn.huoxian.support.Pages.login;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.DataScope;
import cn.huoxian.shared.RegionPath;
import cn.huoxian.shared.Role;
import cn.huoxian.support.SqlTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.InputStreamSource;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Imports read at once are bounded (huoxian.imports.concurrent, 2): a third upload
 * meanwhile is answered 429 with Retry-After on the API and on the page, and the permits
 * come back.
 */
@SqlTest
class ImportsBusyTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Imports imports;

	final CurrentUser admin = new CurrentUser("admin", null, Role.CITY_ADMIN,
			DataScope.ofRegions(RegionPath.root("130900")));

	@Test
	void aThirdImportWhileTwoAreReadIsAskedToComeBack() throws Exception {
		CountDownLatch reading = new CountDownLatch(2);
		CountDownLatch release = new CountDownLatch(1);
		InputStreamSource held = () -> {
			reading.countDown();
			await(release);
			return new ByteArrayInputStream(new byte[0]);
		};
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Future<ImportResult>> running = List.of(
					pool.submit(() -> imports.importFile(ImportKind.HOUSEHOLDS, "a.csv", held, admin)),
					pool.submit(() -> imports.importFile(ImportKind.HOUSEHOLDS, "b.csv", held, admin)));
			assertThat(reading.await(30, TimeUnit.SECONDS)).isTrue();
			mvc.perform(multipart("/api/v1/imports/households").file(csv())
				.header("Authorization", "Bearer " + token(mvc, "xinhua")))
				.andExpect(status().isTooManyRequests())
				.andExpect(header().string("Retry-After", "10"))
				.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
				.andExpect(jsonPath("$.detail", containsString("几秒钟后重试")))
				.andExpect(jsonPath("$.title", is("同时进行的导入太多")));
			mvc.perform(multipart("/api/v1/imports/households").file(csv())
				.header("Authorization", "Bearer " + token(mvc, "xinhua"))
				.header("Accept-Language", "en"))
				.andExpect(status().isTooManyRequests())
				.andExpect(jsonPath("$.detail", containsString("try again in a few seconds")));
			mvc.perform(
					multipart("/exchange/imports/households").file(csv()).session(login(mvc, "xinhua")).with(csrf()))
				.andExpect(status().isTooManyRequests())
				.andExpect(header().string("Retry-After", "10"))
				.andExpect(content().string(containsString("其他导入正在读取中")));
			release.countDown();
			for (Future<ImportResult> import_ : running) {
				assertThat(import_.get(30, TimeUnit.SECONDS).fileProblem().key())
					.isEqualTo("exchange.error.file.empty");
			}
		}
		finally {
			release.countDown();
			pool.shutdownNow();
		}
		// the permits are back: the same upload is read (and refused for its content)
		mvc.perform(multipart("/api/v1/imports/households").file(csv())
			.header("Authorization", "Bearer " + token(mvc, "xinhua")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errorCount").isNumber());
	}

	private static MockMultipartFile csv() {
		return new MockMultipartFile("file", "h.csv", "text/csv",
				"regionCode,building,address,door\nnot-a-grid,1,x,1\n".getBytes(StandardCharsets.UTF_8));
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(60, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}

package cn.huoxian.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Hostile uploads against the running server in a JVM with a bounded heap (the
 * {@code bounded-heap} surefire execution, -Xmx512m): bombs sent three at once are
 * refused with 400 (or 429 when the imports in flight are at their limit) while other
 * requests keep answering 200.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "demo", "test" })
@Tag("bounded-heap")
class UploadBombTests {

	@TempDir
	static Path dir;

	static Path sheetCell;

	static Path sharedString;

	static Path csvField;

	static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	static final ExecutorService pool = Executors.newFixedThreadPool(4);

	@LocalServerPort
	int port;

	@BeforeAll
	static void build() throws IOException {
		sheetCell = Bombs.sheetCell(dir, Bombs.GIB);
		sharedString = Bombs.sharedString(dir, Bombs.GIB);
		// under the 50 MB multipart limit, so it reaches the reader
		csvField = Bombs.csvField(dir, 40L << 20);
	}

	@AfterAll
	static void stop() {
		pool.shutdownNow();
	}

	@Test
	void bombsSentTogetherAreRefusedWhileOtherRequestsAreAnswered() throws Exception {
		String token = token("xinhua");
		List<Future<HttpResponse<String>>> bombs = new ArrayList<>();
		for (Path bomb : List.of(sheetCell, sharedString, csvField)) {
			bombs.add(pool.submit(() -> upload(token, bomb)));
		}
		List<Integer> others = new ArrayList<>();
		while (others.size() < 5 || bombs.stream().anyMatch(b -> !b.isDone())) {
			others.add(get(token, "/api/v1/regions/130902").statusCode());
		}
		for (Future<HttpResponse<String>> bomb : bombs) {
			HttpResponse<String> answer = bomb.get();
			assertThat(answer.statusCode()).as(answer.body()).isIn(400, 429);
			assertPlain(answer);
		}
		assertThat(others).allMatch(status -> status == 200);
		// one at a time, each is refused for what it is
		assertRefused(upload(token, sheetCell), "cell");
		assertRefused(upload(token, sharedString), "cell");
		assertRefused(upload(token, csvField), "field");
	}

	@Test
	void anUploadOverTheSizeLimitIsAnswered413() throws Exception {
		Path big = Bombs.csvField(Files.createDirectories(dir.resolve("big")), 51L << 20);
		String answer = rawUpload(token("xinhua"), big);
		assertThat(answer).as(answer).startsWith("HTTP/1.1 413");
		assertThat(answer).containsIgnoringCase("Content-Type: application/problem+json");
		assertThat(answer).doesNotContain("Exception", "/tmp", "java.");
	}

	/**
	 * The server may answer before it has read the whole body: a socket reads the answer
	 * while another thread writes the body.
	 */
	String rawUpload(String token, Path file) throws Exception {
		String boundary = "big" + System.nanoTime();
		String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.csv\"\r\n"
				+ "Content-Type: text/csv\r\n\r\n";
		String tail = "\r\n--" + boundary + "--\r\n";
		long length = head.length() + Files.size(file) + tail.length();
		try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
			socket.setSoTimeout(120_000);
			Future<?> writing = pool.submit(() -> {
				try (java.io.OutputStream out = socket.getOutputStream()) {
					out.write(("POST /api/v1/imports/households HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
							+ token + "\r\nContent-Type: multipart/form-data; boundary=" + boundary
							+ "\r\nContent-Length: " + length + "\r\nConnection: close\r\n\r\n" + head)
						.getBytes(StandardCharsets.US_ASCII));
					Files.copy(file, out);
					out.write(tail.getBytes(StandardCharsets.US_ASCII));
				}
				catch (IOException ex) {
					// the server stopped reading once it had answered
				}
				return null;
			});
			java.io.ByteArrayOutputStream answer = new java.io.ByteArrayOutputStream();
			try (InputStream in = socket.getInputStream()) {
				in.transferTo(answer);
			}
			catch (IOException ex) {
				// reset after the answer
			}
			writing.cancel(true);
			return answer.toString(StandardCharsets.UTF_8);
		}
	}

	private void assertRefused(HttpResponse<String> answer, String limit) {
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
		assertThat(answer.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
		assertThat((String) JsonPath.read(answer.body(), "$.detail")).contains(limit);
		assertPlain(answer);
	}

	private static void assertPlain(HttpResponse<String> answer) {
		assertThat(answer.body()).doesNotContain("Exception", "/tmp", "huoxian-import", "java.", "org.");
	}

	HttpResponse<String> upload(String token, Path file) throws IOException, InterruptedException {
		String boundary = "bomb" + System.nanoTime();
		String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
				+ file.getFileName() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n";
		String tail = "\r\n--" + boundary + "--\r\n";
		HttpRequest request = HttpRequest.newBuilder(uri("/api/v1/imports/households"))
			.header("Authorization", "Bearer " + token)
			.header("Accept-Language", "en") // the limits asserted are named in English
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(BodyPublishers.concat(BodyPublishers.ofString(head), BodyPublishers.ofFile(file),
					BodyPublishers.ofString(tail)))
			.timeout(Duration.ofMinutes(3))
			.build();
		return http.send(request, BodyHandlers.ofString());
	}

	HttpResponse<String> get(String token, String path) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(uri(path))
			.header("Authorization", "Bearer " + token)
			.timeout(Duration.ofSeconds(30))
			.build(), BodyHandlers.ofString());
	}

	String token(String username) throws IOException, InterruptedException {
		HttpResponse<String> answer = http.send(
				HttpRequest.newBuilder(uri("/api/v1/auth/token"))
					.header("Content-Type", "application/json")
					.POST(BodyPublishers.ofString("{\"username\":\"" + username + "\",\"password\":\""
							+ cn.huoxian.support.Api.PASSWORD + "\"}", StandardCharsets.UTF_8))
					.build(),
				BodyHandlers.ofString());
		return JsonPath.read(answer.body(), "$.token");
	}

	URI uri(String path) {
		return URI.create("http://127.0.0.1:" + port + path);
	}

}

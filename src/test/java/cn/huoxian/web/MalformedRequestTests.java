package cn.huoxian.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * What Tomcat itself parses (the query string, a multipart body, the request line) over
 * real HTTP, since MockMvc bypasses Tomcat: a 4xx problem for /api, the error page for
 * pages, no 5xx, and no stack trace in the log.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "demo", "test" })
@Tag("sql")
@ExtendWith(OutputCaptureExtension.class)
class MalformedRequestTests {

	private static final String BROKEN_MULTIPART = "--XX\r\nContent-Disposition: form-data; name=\"file\"; "
			+ "filename=\"a.xlsx\"\r\n\r\nabc";

	@LocalServerPort
	int port;

	record Answer(int status, String contentType, String body) {
	}

	private Answer send(String requestLine, String headers, String body) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(20_000);
			byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
			String head = requestLine + "\r\nHost: localhost\r\nConnection: close\r\n" + headers
					+ (body == null ? "" : "Content-Length: " + content.length + "\r\n") + "\r\n";
			socket.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
			socket.getOutputStream().write(content);
			socket.getOutputStream().flush();
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream all = new ByteArrayOutputStream();
			in.transferTo(all);
			String text = all.toString(StandardCharsets.UTF_8);
			String[] parts = text.split("\r\n\r\n", 2);
			int status = Integer.parseInt(parts[0].split(" ")[1]);
			String type = parts[0].lines()
				.filter(l -> l.toLowerCase().startsWith("content-type:"))
				.map(l -> l.substring(13).trim())
				.findFirst()
				.orElse("");
			return new Answer(status, type, parts.length > 1 ? parts[1] : "");
		}
	}

	private static void assertProblem(Answer answer, int status) {
		assertThat(answer.status()).as(answer.body()).isEqualTo(status);
		assertThat(answer.contentType()).startsWith("application/problem+json");
		assertThat(answer.body()).doesNotContain("cn.huoxian", "java.", "Exception", "/tmp", "tomcat");
	}

	@Test
	void malformedQueryStringsAreProblemsOnTheApi(CapturedOutput output) throws Exception {
		assertProblem(send("GET /api/v1/audit?=x HTTP/1.1", "", null), 400);
		Answer answer = send("GET /api/v1/audit?q=%zz HTTP/1.1", "", null);
		assertProblem(answer, 400);
		// answered on the error path (/error), the problem names what the client asked
		// for
		assertThat(answer.body()).contains("\"instance\":\"/api/v1/audit\"");
		assertProblem(send("GET /api/v1/persons?q=%zz HTTP/1.1", "Authorization: Bearer nonsense\r\n", null), 400);
		assertThat(output.getAll()).doesNotContain("\tat org.apache", " ERROR ");
	}

	@Test
	void malformedQueryStringsAreErrorPagesOnPages(CapturedOutput output) throws Exception {
		Answer answer = send("GET /login?q=%zz HTTP/1.1", "", null);
		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.contentType()).startsWith("text/html");
		assertThat(answer.body()).contains("<main", "%").doesNotContain("Exception", "Whitelabel");
		assertThat(send("GET /persons?=x HTTP/1.1", "", null).status()).isEqualTo(400);
		assertThat(output.getAll()).doesNotContain("\tat org.apache", " ERROR ");
	}

	@Test
	void brokenMultipartBodiesAre400EverywhereEvenWithoutAToken(CapturedOutput output) throws Exception {
		String multipart = "Content-Type: multipart/form-data; boundary=XX\r\n";
		Answer api = send("POST /api/v1/exchange/persons HTTP/1.1", multipart, BROKEN_MULTIPART);
		assertThat(api.status()).isBetween(400, 499);
		assertThat(api.contentType()).startsWith("application/problem+json");
		for (String path : new String[] { "/login", "/anything", "/exchange" }) {
			Answer page = send("POST " + path + " HTTP/1.1", multipart, BROKEN_MULTIPART);
			assertThat(page.status()).as(path).isEqualTo(400);
			assertThat(page.contentType()).startsWith("text/html");
		}
		assertThat(output.getAll()).doesNotContain("\tat org.apache", " ERROR ");
	}

	@Test
	void malformedRequestLinesOnTheApiAreProblems() throws Exception {
		assertProblem(send("GET /api/v1/a b HTTP/1.1", "", null), 400);
		assertThat(send("BREW /api/v1/audit HTTP/1.1", "", null).status()).isBetween(400, 499);
		// refused by Tomcat before any filter sees a path: the host's error report
		// answers
		assertProblem(send("GET /api/v1/%zz HTTP/1.1", "", null), 400);
		assertProblem(send("GET /api/v1/regions/%00 HTTP/1.1", "", null), 400);
		Answer tooLong = send("GET /api/v1/regions/" + "1".repeat(100_000) + " HTTP/1.1", "", null);
		assertThat(tooLong.status()).isBetween(400, 431);
		assertThat(tooLong.toString()).doesNotContain("Exception").doesNotContain("java.");
		assertProblem(send("DELETE /api/v1/deployment/liaison-groups/1/communities/a%00b HTTP/1.1", "", null), 400);
	}

}

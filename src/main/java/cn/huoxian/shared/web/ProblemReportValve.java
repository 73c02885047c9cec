package cn.huoxian.shared.web;

import java.io.IOException;
import java.io.Writer;

import jakarta.servlet.ServletException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;

/**
 * Errors Tomcat answers itself, before any filter (a malformed request line, an invalid
 * path escape): problem+json instead of Tomcat's HTML report for /api paths. In English:
 * no locale is known this early.
 */
class ProblemReportValve extends ValveBase {

	ProblemReportValve() {
		super(true);
	}

	@Override
	public void invoke(Request request, Response response) throws IOException, ServletException {
		getNext().invoke(request, response);
		int status = response.getStatus();
		if (status < 400 || !response.isError() || response.isCommitted() || response.getContentWritten() > 0
				|| !isApi(request)) {
			return;
		}
		writeProblem(response, status);
	}

	/** A minimal problem+json body for an error Tomcat answers itself (English). */
	static void writeProblem(Response response, int status) throws IOException {
		// the type and charset first: the reporter's converter takes the charset set now
		response.setContentType("application/problem+json");
		response.setCharacterEncoding("UTF-8");
		Writer writer = response.getReporter();
		if (writer == null) {
			return;
		}
		writer.write("{\"type\":\"" + Problems.TYPE_PREFIX + (status < 500 ? "malformed-request" : "internal")
				+ "\",\"title\":\"" + (status < 500 ? "Bad request" : "Server error") + "\",\"status\":" + status
				+ ",\"detail\":\"" + (status < 500 ? "The request line or path is malformed" : "The server failed")
				+ "\"}");
		response.finishResponse();
	}

	private static boolean isApi(Request request) {
		String uri = request.getRequestURI();
		return uri != null && uri.startsWith("/api/");
	}

}

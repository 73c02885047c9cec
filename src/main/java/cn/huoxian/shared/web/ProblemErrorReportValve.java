package cn.huoxian.shared.web;

import java.io.IOException;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * The host's error report for requests Tomcat refuses before any filter or valve of ours
 * sees a path (a NUL byte or a bad escape in the path): problem+json for /api, Tomcat's
 * page elsewhere. In English: no locale is known this early.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

	public ProblemErrorReportValve() {
		// Tomcat's own page never shows the exception, its message or the server's
		// version
		setShowReport(false);
		setShowServerInfo(false);
	}

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		String uri = request.getCoyoteRequest().requestURI().toString();
		// an empty URI: the request line could not be read (too long), so it may be the
		// API's
		boolean api = uri == null || uri.isEmpty() || uri.startsWith("/api/");
		if (status < 400 || response.getContentWritten() > 0 || !api) {
			super.report(request, response, throwable);
			return;
		}
		try {
			ProblemReportValve.writeProblem(response, status);
		}
		catch (IOException | IllegalStateException ex) {
			// the connection is gone: nothing left to answer
		}
	}

}

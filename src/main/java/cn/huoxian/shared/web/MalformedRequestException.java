package cn.huoxian.shared.web;

import org.apache.tomcat.util.http.InvalidParameterException;

/**
 * Parameters the server could not parse: the client's error (400, or 413 when too many or
 * too large).
 */
class MalformedRequestException extends RuntimeException {

	private final int status;

	MalformedRequestException(IllegalStateException cause) {
		super("malformed parameters", cause);
		this.status = cause instanceof InvalidParameterException tomcat && tomcat.getErrorCode() >= 400
				&& tomcat.getErrorCode() < 500 ? tomcat.getErrorCode() : 400;
	}

	int status() {
		return status;
	}

	/** A broken multipart body rather than a bad query string or form. */
	boolean multipart() {
		for (Throwable t = getCause(); t != null && t != t.getCause(); t = t.getCause()) {
			if (t.getClass().getName().contains("fileupload")) {
				return true;
			}
		}
		return false;
	}

}

package cn.huoxian.exchange;

/**
 * As many imports as the server reads at once are running
 * ({@code huoxian.imports.concurrent}); the upload was not read. Answered 429 with
 * Retry-After.
 */
public class ImportsBusyException extends RuntimeException {

	/** Seconds a client should wait before trying again. */
	public static final int RETRY_AFTER_SECONDS = 10;

	ImportsBusyException() {
		super("imports busy", null, false, false);
	}

}

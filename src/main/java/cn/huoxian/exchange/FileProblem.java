package cn.huoxian.exchange;

/**
 * The file as a whole cannot be imported (wrong type, not UTF-8, too many rows...):
 * nothing is written.
 */
class FileProblem extends RuntimeException {

	private final Reason reason;

	FileProblem(String key, Object... args) {
		super(key);
		this.reason = Reason.of(key, args);
	}

	Reason reason() {
		return reason;
	}

}

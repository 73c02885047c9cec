package cn.huoxian.shared;

/** Nothing there, or nothing the current user may see there: both answer 404. */
public class NotFoundException extends RuntimeException {

	/**
	 * @param what the missing thing in the caller's language, e.g. the text of a key such
	 * as {@code isolation.what.case}
	 */
	public NotFoundException(String what) {
		super(Messages.text("problem.not-found-what", what));
	}

}

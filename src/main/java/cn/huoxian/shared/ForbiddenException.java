package cn.huoxian.shared;

/** A write outside the current user's scope or role: answers 403. */
public class ForbiddenException extends RuntimeException {

	public ForbiddenException(String message) {
		super(message);
	}

}

package cn.huoxian.shared;

/** Well-formed input that breaks a business rule: answers 422 with the message. */
public class RuleViolationException extends RuntimeException {

	public RuleViolationException(String message) {
		super(message);
	}

}

package cn.huoxian.shared;

/**
 * An id or code in a request names nothing the caller may read: answered 404 naming the
 * field, alike whether the object does not exist or lies outside the caller's scope, and
 * never naming the object.
 */
public class ReferenceNotFoundException extends NotFoundException {

	private final String field;

	public ReferenceNotFoundException(String field) {
		super(field);
		this.field = field;
	}

	/** The request field (or path) that held the reference. */
	public String field() {
		return field;
	}

}

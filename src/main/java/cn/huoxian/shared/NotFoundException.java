package cn.huoxian.shared;

/** Nothing there, or nothing the current user may see there: both answer 404. */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String what) {
		super(what + " not found");
	}

}

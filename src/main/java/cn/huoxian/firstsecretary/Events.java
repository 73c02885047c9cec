package cn.huoxian.firstsecretary;

import java.time.LocalDate;

/**
 * The events first secretaries cause, for the performance record (issue 6).
 */
public final class Events {

	private Events() {
	}

	/** A first secretary returned to their village. */
	public record FirstSecretaryReturned(long personId, long villageId, long dispatchingUnitId, LocalDate returnedOn) {
	}

}

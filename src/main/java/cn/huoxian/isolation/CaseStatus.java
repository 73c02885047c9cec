package cn.huoxian.isolation;

/** Active (or extended) cases are due a contact every day; the other three have ended. */
public enum CaseStatus {

	ACTIVE, EXTENDED, RELEASED, HOSPITALISED, LOST;

	public boolean isOpen() {
		return this == ACTIVE || this == EXTENDED;
	}

}

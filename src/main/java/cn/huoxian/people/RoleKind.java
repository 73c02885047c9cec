package cn.huoxian.people;

/** The roles a person can hold, several at once. */
public enum RoleKind {

	CADRE, PARTY_MEMBER, MEDICAL_STAFF, VOLUNTEER, FIRST_SECRETARY

}

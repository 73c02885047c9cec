package cn.huoxian.org;

/** 党委 committee, 党总支 general branch, 党支部 branch. */
public enum PartyOrganisationKind {

	COMMITTEE, GENERAL_BRANCH, BRANCH

}

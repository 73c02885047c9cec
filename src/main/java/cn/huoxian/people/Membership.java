package cn.huoxian.people;

/** 正式党员 formal or 预备党员 probationary party membership. */
public enum Membership {

	FORMAL, PROBATIONARY

}

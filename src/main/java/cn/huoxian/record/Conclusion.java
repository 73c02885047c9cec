package cn.huoxian.record;

/** An assessment's conclusion: 优秀, 称职, 基本称职, 不称职. */
public enum Conclusion {

	EXCELLENT, COMPETENT, BASICALLY_COMPETENT, INCOMPETENT

}

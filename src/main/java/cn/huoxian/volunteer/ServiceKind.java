package cn.huoxian.volunteer;

/**
 * The eight kinds of work party members reporting in do (摸底排查、宣传教育、动员群众、思想劝导、
 * 卡口值勤、情况报送、后勤保障、卫生消杀), in the article's order.
 */
public enum ServiceKind {

	SCREENING, PUBLICITY, MOBILISATION, PERSUASION, CHECKPOINT_DUTY, SITUATION_REPORTING, LOGISTICS, DISINFECTION

}

package cn.huoxian.inspection;

/**
 * The four looks (四看) of an inspection: 属地责任落实, 领导干部包联, 资源力量调配, 党组织和党员作用发挥.
 */
public enum Look {

	TERRITORIAL_RESPONSIBILITY, LIAISON, RESOURCES, PARTY_ROLE

}

package cn.huoxian.duty;

/** Where a checkpoint stands: on a road, at a station, a hospital, a community's gate. */
public enum CheckpointKind {

	ROAD, STATION, HOSPITAL, COMMUNITY_GATE, OTHER

}

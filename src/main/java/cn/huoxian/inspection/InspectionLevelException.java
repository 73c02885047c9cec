package cn.huoxian.inspection;

import cn.huoxian.org.RegionLevel;
import cn.huoxian.shared.RuleViolationException;

/**
 * The 422 of the level rule (下沉一级), with what the pages need to say it in the user's
 * language: why, the inspector's level and region, and the target with its level.
 */
public class InspectionLevelException extends RuleViolationException {

	/** Why the inspection was refused. */
	public enum Reason {

		/** The target is not below the inspector's level. */
		NOT_BELOW,
		/** The target lies outside the inspector's own region. */
		OUTSIDE,
		/** The inspector has no unit and no party organisation. */
		UNKNOWN_LEVEL

	}

	private final Reason reason;

	private final RegionLevel inspectorLevel;

	private final String inspectorRegion;

	private final String target;

	private final RegionLevel targetLevel;

	InspectionLevelException(String message, Reason reason, RegionLevel inspectorLevel, String inspectorRegion,
			String target, RegionLevel targetLevel) {
		super(message);
		this.reason = reason;
		this.inspectorLevel = inspectorLevel;
		this.inspectorRegion = inspectorRegion;
		this.target = target;
		this.targetLevel = targetLevel;
	}

	public Reason reason() {
		return reason;
	}

	public RegionLevel inspectorLevel() {
		return inspectorLevel;
	}

	public String inspectorRegion() {
		return inspectorRegion;
	}

	public String target() {
		return target;
	}

	public RegionLevel targetLevel() {
		return targetLevel;
	}

}

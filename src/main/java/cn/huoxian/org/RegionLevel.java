package cn.huoxian.org;

import java.util.regex.Pattern;

/** The levels of the network, each with the shape of its codes. */
public enum RegionLevel {

	/** 市: a GB/T 2260 city code such as 130900. */
	CITY("\\d{4}00"),
	/** 区县: a GB/T 2260 county-level code such as 130902. */
	COUNTY("\\d{6}"),
	/** 乡镇街道: a 12-digit statistical code ending in 000, e.g. 130902001000. */
	TOWNSHIP("\\d{9}000"),
	/** 村社区: a 12-digit statistical code, e.g. 130902001001. */
	VILLAGE("\\d{12}"),
	/** 网格: the village code and a 3-digit grid number, e.g. 130902001001007. */
	GRID("\\d{15}");

	private final Pattern codePattern;

	RegionLevel(String codePattern) {
		this.codePattern = Pattern.compile(codePattern);
	}

	/** The level directly below this one, or null for a grid. */
	public RegionLevel below() {
		return this == GRID ? null : values()[ordinal() + 1];
	}

	/**
	 * Explains why a code cannot be a child code of the given parent at this level, or
	 * null when it can.
	 */
	public String codeProblem(String code, String parentCode) {
		if (code == null || !codePattern.matcher(code).matches()) {
			return switch (this) {
				case CITY -> "must be a 6-digit city code ending in 00";
				case COUNTY -> "must be a 6-digit GB/T 2260 county code";
				case TOWNSHIP -> "must be a 12-digit township code ending in 000";
				case VILLAGE -> "must be a 12-digit village or community code";
				case GRID -> "must be the 12-digit village code followed by a 3-digit grid number";
			};
		}
		return switch (this) {
			case CITY -> null;
			case COUNTY -> code.startsWith(parentCode.substring(0, 4)) && !code.endsWith("00") ? null
					: "must start with the city's first four digits " + parentCode.substring(0, 4);
			case TOWNSHIP -> code.startsWith(parentCode) && !code.startsWith(parentCode + "000") ? null
					: "must start with the county code " + parentCode + " and a township number other than 000";
			case VILLAGE -> code.startsWith(parentCode.substring(0, 9)) && !code.endsWith("000") ? null
					: "must start with " + parentCode.substring(0, 9) + " and end in a number other than 000";
			case GRID -> code.startsWith(parentCode) && !code.endsWith("000") ? null
					: "must start with the village code " + parentCode + " and a grid number other than 000";
		};
	}

}

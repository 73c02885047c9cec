package cn.huoxian.org;

import java.util.regex.Pattern;

import cn.huoxian.shared.Messages;

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
			return Messages.text("org.error.code." + name());
		}
		String start = switch (this) {
			case CITY -> null;
			case COUNTY ->
				code.startsWith(parentCode.substring(0, 4)) && !code.endsWith("00") ? null : parentCode.substring(0, 4);
			case TOWNSHIP -> code.startsWith(parentCode) && !code.startsWith(parentCode + "000") ? null : parentCode;
			case VILLAGE -> code.startsWith(parentCode.substring(0, 9)) && !code.endsWith("000") ? null
					: parentCode.substring(0, 9);
			case GRID -> code.startsWith(parentCode) && !code.endsWith("000") ? null : parentCode;
		};
		// the prefix the code must start with, named in the level's own message
		return start == null ? null : Messages.text("org.error.code.start." + name(), start);
	}

}

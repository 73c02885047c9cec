package cn.huoxian.demo;

import java.util.List;

/**
 * A county-level division of 130900 沧州市 with its GB/T 2260 code and residents (10,000s,
 * c. 2018).
 */
record County(String code, String name, int tenThousands, boolean urban) {

	static final List<County> CANGZHOU = List.of(new County("130902", "新华区", 23, true),
			new County("130903", "运河区", 32, true), new County("130921", "沧县", 71, false),
			new County("130922", "青县", 42, false), new County("130923", "东光县", 37, false),
			new County("130924", "海兴县", 23, false), new County("130925", "盐山县", 48, false),
			new County("130926", "肃宁县", 36, false), new County("130927", "南皮县", 39, false),
			new County("130928", "吴桥县", 28, false), new County("130929", "献县", 64, false),
			new County("130930", "孟村回族自治县", 23, false), new County("130981", "泊头市", 62, false),
			new County("130982", "任丘市", 87, false), new County("130983", "黄骅市", 47, false),
			new County("130984", "河间市", 84, false));

	static int totalTenThousands() {
		return CANGZHOU.stream().mapToInt(County::tenThousands).sum();
	}

	/** The short name used in unit names: 新华区 stays, 沧县 stays, 泊头市 stays. */
	String prefix() {
		return name;
	}

}

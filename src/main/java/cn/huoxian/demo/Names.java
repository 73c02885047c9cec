package cn.huoxian.demo;

import java.util.SplittableRandom;

/**
 * Synthetic but plausible Chinese names for people and places, drawn from a seeded
 * generator.
 */
final class Names {

	private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严武戴孔汤";

	private static final String MALE = "伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宁建国志海东林峰文博浩宇俊亮松春振兴立新德荣庆庆";

	private static final String FEMALE = "芳娜敏静丽艳娟霞燕玲丹萍红梅莉琳颖慧雪婷倩洁秀英华兰凤琴云霞桂珍玉佳怡欣悦";

	private static final String PLACE_FIRST = "东西南北新兴建胜光红朝清长永安和平康盛富裕育华水月前后大小高";

	private static final String PLACE_SECOND = "风华设利明旗阳池河宁安泰民业丰源才英庆宝城园林桥";

	private static final String[] VILLAGE_SUFFIX = { "家庄", "官屯", "家洼", "庄", "营", "铺", "口", "寨", "坊", "集" };

	private Names() {
	}

	static String person(SplittableRandom random, boolean male) {
		return appendPerson(new StringBuilder(3), random, male).toString();
	}

	/** Appends a person's name to a reused builder: the same draws as {@link #person}. */
	static StringBuilder appendPerson(StringBuilder name, SplittableRandom random, boolean male) {
		String given = male ? MALE : FEMALE;
		name.append(pick(random, SURNAMES)).append(pick(random, given));
		if (random.nextInt(10) < 7) {
			name.append(pick(random, given));
		}
		return name;
	}

	static String township(SplittableRandom random, boolean urban, int index) {
		return place(random, index) + (urban ? "街道" : random.nextInt(4) == 0 ? "乡" : "镇");
	}

	static String village(SplittableRandom random, boolean urban, int index) {
		if (urban) {
			return place(random, index) + "社区";
		}
		return pick(random, SURNAMES) + VILLAGE_SUFFIX[random.nextInt(VILLAGE_SUFFIX.length)] + suffix(index) + "村";
	}

	private static String place(SplittableRandom random, int index) {
		return "" + pick(random, PLACE_FIRST) + pick(random, PLACE_SECOND) + suffix(index);
	}

	/**
	 * Keeps names unique within a parent once the small syllable lists start to repeat.
	 */
	private static String suffix(int index) {
		return index < 40 ? "" : String.valueOf(index / 40 + 1);
	}

	private static char pick(SplittableRandom random, String chars) {
		return chars.charAt(random.nextInt(chars.length()));
	}

}

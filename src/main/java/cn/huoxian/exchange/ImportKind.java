package cn.huoxian.exchange;

import static cn.huoxian.exchange.ImportColumn.optional;
import static cn.huoxian.exchange.ImportColumn.required;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import cn.huoxian.shared.CurrentUser;

/**
 * The registries that import from .xlsx/.csv, each with its columns (header in row 1,
 * English or Chinese):
 * <ul>
 * <li>regions: code 代码, name 名称, parentCode 上级代码 (parents above their children);</li>
 * <li>households: regionCode 网格代码, building 楼栋, address 地址, door 门牌;</li>
 * <li>residents: name 姓名, idNumber 身份证号, phone 电话, householdId 户编号 or regionCode 区域代码,
 * and for party members partyOrganisationCode 党组织代码 with joinedOn 入党日期;</li>
 * <li>visits of a screening campaign, one row per resident checked: visitId 走访编号,
 * householdId 户编号, visitedAt 走访时间, outcome 走访结果, personId 人员编号, status 状态, awayWhere
 * 外出去向, temperature 体温, travelFrom 高风险地区旅居史 (one of the configured high-risk areas),
 * flags 异常情况 (see {@link VisitImport}).</li>
 * </ul>
 */
public enum ImportKind {

	REGIONS(List.of(required("code", "代码", "代碼"), required("name", "名称", "名稱"),
			required("parentCode", "上级代码", "上級代碼"))),

	HOUSEHOLDS(List.of(required("regionCode", "网格代码", "網格代碼"), optional("building", "楼栋", "樓棟"),
			required("address", "地址", "地址"), optional("door", "门牌", "門牌"))),

	RESIDENTS(List.of(required("name", "姓名", "姓名"), required("idNumber", "身份证号", "身份證號"), optional("phone", "电话", "電話"),
			optional("householdId", "户编号", "戶編號"), optional("regionCode", "区域代码", "區域代碼"),
			optional("partyOrganisationCode", "党组织代码", "黨組織代碼"), optional("joinedOn", "入党日期", "入黨日期"))),

	VISITS(List.of(optional("visitId", "走访编号", "走訪編號"), required("householdId", "户编号", "戶編號"),
			required("visitedAt", "走访时间", "走訪時間"), required("outcome", "走访结果", "走訪結果"),
			optional("personId", "人员编号", "人員編號"), optional("status", "状态", "狀態"), optional("awayWhere", "外出去向", "外出去向"),
			optional("temperature", "体温", "體溫"), optional("travelFrom", "高风险地区旅居史", "高風險地區旅居史"),
			optional("flags", "异常情况", "異常情況")));

	private final List<ImportColumn> columns;

	ImportKind(List<ImportColumn> columns) {
		this.columns = columns;
	}

	public List<ImportColumn> columns() {
		return columns;
	}

	/** The name in URLs: regions, households, residents. */
	public String path() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Optional<ImportKind> fromPath(String path) {
		for (ImportKind kind : values()) {
			if (kind.path().equals(path)) {
				return Optional.of(kind);
			}
		}
		return Optional.empty();
	}

	/**
	 * True when the user's role may import this kind at all (scope is checked row by
	 * row).
	 */
	public boolean allows(CurrentUser user) {
		return this == REGIONS ? user.mayEditNetwork() : user.mayEditPeople();
	}

	/** Throws 403 unless the user's role may import this kind. */
	public void requireRole(CurrentUser user) {
		if (this == REGIONS) {
			user.requireNetworkEditor();
		}
		else {
			user.requirePeopleEditor();
		}
	}

	/**
	 * A template: UTF-8 with a byte-order mark (so Excel opens it right) and the header
	 * row.
	 */
	public byte[] templateCsv(Locale locale) {
		String header = columns.stream().map(c -> c.header(locale)).collect(Collectors.joining(","));
		return ("\uFEFF" + header + "\r\n").getBytes(StandardCharsets.UTF_8);
	}

}

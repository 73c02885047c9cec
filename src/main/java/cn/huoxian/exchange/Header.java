package cn.huoxian.exchange;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Where each column of an import sits in the file, from the header row; reports unknown,
 * repeated and missing columns.
 */
final class Header {

	private final Map<String, Integer> index = new HashMap<>();

	private final Map<String, String> written = new HashMap<>();

	private final ImportKind kind;

	private Header(ImportKind kind) {
		this.kind = kind;
	}

	static Header read(ImportKind kind, List<String> cells, RowErrors errors) {
		Header header = new Header(kind);
		for (int i = 0; i < cells.size(); i++) {
			header.place(i, ImportColumn.normalise(cells.get(i)), errors);
		}
		for (ImportColumn column : kind.columns()) {
			if (column.required() && !header.has(column.name())) {
				errors.add(1, column.name(), column.simplified(), "exchange.error.header.missing");
			}
		}
		if (kind == ImportKind.RESIDENTS && !header.has("householdId") && !header.has("regionCode")) {
			errors.add(1, "householdId", "户编号", "exchange.error.header.householdOrRegion");
		}
		return header;
	}

	private void place(int i, String text, RowErrors errors) {
		if (text.isEmpty()) {
			return;
		}
		ImportColumn column = kind.columns().stream().filter(c -> c.matches(text)).findFirst().orElse(null);
		if (column == null) {
			errors.add(1, text, text, "exchange.error.header.unknown", expected());
		}
		else if (index.containsKey(column.name())) {
			errors.add(1, column.name(), text, "exchange.error.header.repeated");
		}
		else {
			index.put(column.name(), i);
			written.put(column.name(), text);
		}
	}

	private String expected() {
		return kind.columns().stream().map(c -> c.name() + "/" + c.simplified()).collect(Collectors.joining(", "));
	}

	boolean has(String column) {
		return index.containsKey(column);
	}

	/**
	 * The header as the file writes it, or the column's Chinese name when the file lacks
	 * it.
	 */
	String written(String column) {
		String text = written.get(column);
		if (text != null) {
			return text;
		}
		return kind.columns().stream().filter(c -> c.name().equals(column)).findFirst().orElseThrow().simplified();
	}

	CellValue cell(SourceRow row, String column) {
		Integer i = index.get(column);
		return i == null ? CellValue.BLANK : row.cell(i);
	}

}

package cn.huoxian.exchange;

import java.util.List;

/**
 * One row of the file: its number as the spreadsheet shows it (header = 1) and its cells.
 */
record SourceRow(int number, List<CellValue> cells) {

	CellValue cell(int index) {
		return index < cells.size() ? cells.get(index) : CellValue.BLANK;
	}

	boolean isBlank() {
		return cells.stream().allMatch(CellValue::isBlank);
	}

}

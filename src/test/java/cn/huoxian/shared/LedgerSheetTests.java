package cn.huoxian.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.Test;

/** A ledger larger than a sheet continues on further sheets, each with the header row. */
class LedgerSheetTests {

	@Test
	void continuesOnANewSheetWhenOneIsFull() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Workbook workbook = new Workbook(out, "test", "1.0");
		LedgerSheet sheet = new LedgerSheet(workbook, "居民台账", List.of("姓名"), 3);
		for (int i = 1; i <= 5; i++) {
			int r = sheet.nextRow();
			sheet.sheet().value(r, 0, "居民" + i);
		}
		sheet.finish();
		workbook.finish();

		try (ReadableWorkbook read = new ReadableWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
			assertThat(read.getSheets().map(Sheet::getName)).containsExactly("居民台账", "居民台账 2", "居民台账 3");
			assertThat(column(read, 0)).containsExactly("姓名", "居民1", "居民2");
			assertThat(column(read, 1)).containsExactly("姓名", "居民3", "居民4");
			assertThat(column(read, 2)).containsExactly("姓名", "居民5");
		}
	}

	private static List<String> column(ReadableWorkbook workbook, int sheet) throws IOException {
		try (var rows = workbook.getSheet(sheet).orElseThrow().openStream()) {
			return rows.map(row -> row.getCellText(0)).toList();
		}
	}

}

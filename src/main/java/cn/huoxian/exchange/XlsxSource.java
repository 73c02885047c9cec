package cn.huoxian.exchange;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;

/**
 * The first sheet of an .xlsx workbook, streamed row by row; row 1 must hold the headers.
 */
final class XlsxSource implements TableReader.Source {

	private final ReadableWorkbook workbook;

	private final Stream<Row> stream;

	private final Iterator<Row> rows;

	/** Beyond a double's range and digits: no spreadsheet number is this long. */
	static final int MAX_NUMBER_DIGITS = 400;

	XlsxSource(Path file, ImportLimits limits) throws IOException {
		XlsxCheck.check(file, limits);
		try {
			this.workbook = new ReadableWorkbook(file.toFile());
			this.stream = workbook.getFirstSheet().openStream();
			this.rows = stream.iterator();
		}
		catch (IOException | RuntimeException ex) {
			throw new FileProblem("exchange.error.file.unreadable");
		}
	}

	@Override
	public List<String> header() {
		SourceRow row = nextRow();
		if (row == null) {
			return List.of();
		}
		if (row.number() != 1) {
			throw new FileProblem("exchange.error.file.headerRow");
		}
		return row.cells().stream().map(CellValue::text).toList();
	}

	@Override
	public SourceRow nextRow() {
		try {
			if (!rows.hasNext()) {
				return null;
			}
			Row row = rows.next();
			List<CellValue> cells = new ArrayList<>(row.getCellCount());
			for (int i = 0; i < row.getCellCount(); i++) {
				cells.add(value(row.getCell(i), row.getRowNum()));
			}
			return new SourceRow(row.getRowNum(), cells);
		}
		catch (FileProblem ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			// fastexcel reports broken sheet XML as unchecked exceptions; its words name
			// its
			// internals
			throw new FileProblem("exchange.error.file.unreadable");
		}
	}

	private static CellValue value(Cell cell, int row) {
		if (cell == null) {
			return CellValue.BLANK;
		}
		return switch (cell.getType()) {
			case NUMBER -> CellValue.number(plausible(cell.asNumber(), row));
			case STRING -> CellValue.text(cell.asString());
			case EMPTY -> CellValue.BLANK;
			default -> CellValue.text(cell.getText());
		};
	}

	/** 1E999999999 is one cell of XML, and a billion digits written out. */
	private static BigDecimal plausible(BigDecimal number, int row) {
		if (number.precision() > MAX_NUMBER_DIGITS || Math.abs((long) number.scale()) > MAX_NUMBER_DIGITS) {
			throw new FileProblem("exchange.error.file.limit.number", row);
		}
		return number;
	}

	@Override
	public void close() throws IOException {
		stream.close();
		workbook.close();
	}

}

package cn.huoxian.shared;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * One table of a streamed workbook: a bold, frozen header row, rows flushed to the output
 * every thousand (fastexcel keeps unflushed rows in memory), and a further sheet ("name
 * 2", ...) when one reaches the spreadsheet's row limit, as a whole city's ledger would.
 * Every ledger of the product (households, pairings, teams, assessments …) writes through
 * it.
 */
public final class LedgerSheet {

	static final int FLUSH_EVERY = 1000;

	private final Workbook workbook;

	private final String name;

	private final List<String> headers;

	private final int maxRows;

	private Worksheet sheet;

	private int part;

	private int row;

	/** One part (usually a sheet) of a ledger workbook. */
	@FunctionalInterface
	public interface Part {

		void write(Workbook workbook) throws IOException;

	}

	/**
	 * Streams a workbook of these parts to the output and finishes it; an I/O error (e.g.
	 * the client went away) comes out unchecked.
	 */
	public static void workbook(OutputStream out, Part... parts) {
		try {
			Workbook workbook = new Workbook(out, "Huoxian", "1.0");
			for (Part part : parts) {
				part.write(workbook);
			}
			workbook.finish();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public LedgerSheet(Workbook workbook, String name, List<String> headers) {
		this(workbook, name, headers, Worksheet.MAX_ROWS);
	}

	LedgerSheet(Workbook workbook, String name, List<String> headers, int maxRows) {
		this.workbook = workbook;
		this.name = name;
		this.headers = headers;
		this.maxRows = maxRows;
		open();
	}

	/**
	 * The index of a new row in {@link #sheet()}, on a fresh sheet when the current one
	 * is full.
	 */
	public int nextRow() throws IOException {
		if (row + 1 == maxRows) {
			sheet.finish();
			open();
		}
		else if (row % FLUSH_EVERY == 0) {
			sheet.flush();
		}
		return ++row;
	}

	public Worksheet sheet() {
		return sheet;
	}

	public void finish() throws IOException {
		sheet.finish();
	}

	private void open() {
		part++;
		sheet = workbook.newWorksheet(part == 1 ? name : name + " " + part);
		for (int c = 0; c < headers.size(); c++) {
			sheet.value(0, c, headers.get(c));
			sheet.style(0, c).bold().set();
			sheet.width(c, headers.size() > 6 && c == 3 ? 36 : 16);
		}
		sheet.freezePane(0, 1);
		row = 0;
	}

}

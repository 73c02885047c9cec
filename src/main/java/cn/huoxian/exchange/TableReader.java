package cn.huoxian.exchange;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Reads an uploaded .xlsx (first sheet) or UTF-8 .csv one row at a time: the header of
 * row 1, then each non-blank row, refusing a file with more than {@code maxRows} of them.
 */
final class TableReader implements Closeable {

	/** One file format: the header row, then every row (blank ones too) until null. */
	interface Source extends Closeable {

		List<String> header() throws IOException;

		SourceRow nextRow() throws IOException;

	}

	private final Source source;

	private final int maxRows;

	private int rows;

	private TableReader(Source source, int maxRows) {
		this.source = source;
		this.maxRows = maxRows;
	}

	/**
	 * Opens the file by its content (a zip is .xlsx), falling back on the name's
	 * extension.
	 */
	static TableReader open(Path file, String filename, int maxRows) throws IOException {
		return open(file, filename, maxRows, ImportLimits.DEFAULTS);
	}

	/** The same, refusing a file that exceeds the limits as it is read. */
	static TableReader open(Path file, String filename, int maxRows, ImportLimits limits) throws IOException {
		byte[] start = new byte[8];
		int read;
		try (InputStream in = Files.newInputStream(file)) {
			read = in.readNBytes(start, 0, start.length);
		}
		String name = filename == null ? "" : filename.toLowerCase(Locale.ROOT);
		if (read == 0) {
			throw new FileProblem("exchange.error.file.empty");
		}
		if (read >= 4 && start[0] == 'P' && start[1] == 'K' && start[2] == 3 && start[3] == 4) {
			return new TableReader(new XlsxSource(file, limits), maxRows);
		}
		if (read == 8 && (start[0] & 0xFF) == 0xD0 && (start[1] & 0xFF) == 0xCF && (start[2] & 0xFF) == 0x11) {
			throw new FileProblem("exchange.error.file.xls");
		}
		if (name.endsWith(".xlsx") || name.endsWith(".xls")) {
			throw new FileProblem("exchange.error.file.notXlsx");
		}
		if (!name.isEmpty() && !name.endsWith(".csv") && !name.endsWith(".txt")) {
			throw new FileProblem("exchange.error.file.type");
		}
		return new TableReader(new CsvSource(file, limits), maxRows);
	}

	/** The header cells; a file without any row is refused. */
	List<String> header() throws IOException {
		List<String> header = source.header();
		if (header.stream().allMatch(h -> ImportColumn.normalise(h).isEmpty())) {
			throw new FileProblem("exchange.error.file.empty");
		}
		return header;
	}

	/** The next row with any non-blank cell, or null at the end. */
	SourceRow next() throws IOException {
		SourceRow row;
		do {
			row = source.nextRow();
		}
		while (row != null && row.isBlank());
		if (row != null && ++rows > maxRows) {
			throw new FileProblem("exchange.error.file.tooManyRows", maxRows);
		}
		return row;
	}

	@Override
	public void close() throws IOException {
		source.close();
	}

}

package cn.huoxian.exchange;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A UTF-8 CSV file (byte-order mark optional); record n is spreadsheet row n, empty lines
 * included.
 */
final class CsvSource implements TableReader.Source {

	// empty lines stay records so that row numbers match what a spreadsheet shows
	private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).setTrim(true).get();

	private final CSVParser parser;

	private final Iterator<CSVRecord> records;

	CsvSource(Path file, ImportLimits limits) throws IOException {
		// strict decoding: a GBK file (what Excel saves as "CSV" on Chinese Windows) is
		// refused, not garbled
		Reader reader = new BufferedReader(new CsvLimits(new InputStreamReader(Files.newInputStream(file),
				StandardCharsets.UTF_8.newDecoder()
					.onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT)),
				limits));
		this.parser = FORMAT.parse(reader);
		this.records = parser.iterator();
	}

	@Override
	public List<String> header() {
		SourceRow row = nextRow();
		if (row == null) {
			return List.of();
		}
		return row.cells().stream().map(CellValue::text).toList();
	}

	@Override
	public SourceRow nextRow() {
		try {
			if (!records.hasNext()) {
				return null;
			}
			CSVRecord record = records.next();
			List<CellValue> cells = new ArrayList<>(record.size());
			for (String value : record) {
				cells.add(CellValue.text(value.replace("\uFEFF", "")));
			}
			return new SourceRow((int) record.getRecordNumber(), cells);
		}
		catch (UncheckedIOException ex) {
			throw problem(ex.getCause());
		}
	}

	private FileProblem problem(IOException cause) {
		if (cause instanceof CharacterCodingException) {
			return new FileProblem("exchange.error.file.encoding");
		}
		// the parser's own words name its internals
		return new FileProblem("exchange.error.file.unreadable");
	}

	@Override
	public void close() throws IOException {
		parser.close();
	}

}

package cn.huoxian.exchange;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Passes a CSV file's characters on to the parser while counting, as the parser will
 * split them, the characters of the current field and line and the fields of the line:
 * refuses a field, a line or a width over the limits before the parser has built them.
 */
final class CsvLimits extends FilterReader {

	private enum State {

		FIELD_START, UNQUOTED, QUOTED, QUOTE_IN_QUOTED

	}

	private final long maxField;

	private final long maxLine;

	private final int maxColumns;

	private State state = State.FIELD_START;

	private long field;

	private long line;

	private int columns = 1;

	CsvLimits(Reader in, ImportLimits limits) {
		super(in);
		this.maxField = limits.maxCellSize().toBytes();
		this.maxLine = limits.maxRowSize().toBytes();
		this.maxColumns = limits.maxColumns();
	}

	@Override
	public int read() throws IOException {
		int c = super.read();
		if (c >= 0) {
			step((char) c);
		}
		return c;
	}

	@Override
	public int read(char[] buffer, int offset, int length) throws IOException {
		int read = super.read(buffer, offset, length);
		for (int i = offset; i < offset + Math.max(read, 0); i++) {
			step(buffer[i]);
		}
		return read;
	}

	/**
	 * CSVFormat.DEFAULT: a quote opens a field only at its start; "" is a quote inside.
	 */
	private void step(char c) {
		if (state == State.QUOTE_IN_QUOTED) {
			state = c == '"' ? State.QUOTED : State.UNQUOTED;
		}
		if (state == State.QUOTED) {
			if (c == '"') {
				state = State.QUOTE_IN_QUOTED;
			}
			grow();
			return;
		}
		if (c == ',') {
			state = State.FIELD_START;
			field = 0;
			line++;
			if (++columns > maxColumns) {
				throw new FileProblem("exchange.error.file.limit.csvColumns", maxColumns);
			}
		}
		else if (c == '\n' || c == '\r') {
			state = State.FIELD_START;
			field = 0;
			line = 0;
			columns = 1;
		}
		else {
			state = state == State.FIELD_START && c == '"' ? State.QUOTED : State.UNQUOTED;
			grow();
		}
	}

	private void grow() {
		if (++field > maxField) {
			throw new FileProblem("exchange.error.file.limit.csvField", maxField);
		}
		if (++line > maxLine) {
			throw new FileProblem("exchange.error.file.limit.csvLine", maxLine);
		}
	}

}

package cn.huoxian.exchange;

import java.nio.charset.StandardCharsets;

/**
 * Reads the unpacked bytes of one part of an .xlsx in constant memory and refuses XML
 * that would make the spreadsheet reader hold too much, before that reader sees it: a
 * long stretch of text or a long tag (a cell, an attribute), a large row or shared
 * string, too many cells in a row or a cell beyond the last column, too many shared
 * strings, deep nesting, document type declarations, and too many of the elements the
 * reader keeps in lists (sheets, relationships, number formats, array and shared
 * formulas).
 */
final class XmlScanner {

	/** SpreadsheetML nests about eight deep; rich text in a shared string a few more. */
	static final int MAX_DEPTH = 64;

	/** Sheets, relationships, number formats and cell formats of one part. */
	static final int MAX_LISTED = 10_000;

	/** The reader compares every cell without a formula with each array formula. */
	static final int MAX_ARRAY_FORMULAS = 100;

	/** Formula text of one part, which the reader keeps for shared formulas. */
	static final long MAX_FORMULA_BYTES = 16L << 20;

	/** Attributes of a cell, row or formula tag are read; no writer makes them longer. */
	static final int MAX_KEPT_TAG = 4096;

	private static final int MAX_NAME = 64;

	private enum State {

		/**
		 * Before the first '<': a part that starts otherwise is not XML and is not read.
		 */
		SNIFF, BINARY,

		TEXT, OPEN, START_NAME, ATTRIBUTES, END_NAME, PI, BANG, COMMENT, CDATA

	}

	private final long maxCell;

	private final long maxRow;

	private final int maxColumns;

	private final int maxStrings;

	private final long maxStringBytes;

	private State state = State.SNIFF;

	private int position;

	private int first;

	private long run;

	private final byte[] name = new byte[MAX_NAME];

	private int nameLength;

	private final byte[] tag = new byte[MAX_KEPT_TAG];

	private int tagLength;

	private boolean keep;

	private int quote;

	private boolean slash;

	private int match;

	private final StringBuilder bang = new StringBuilder();

	private int depth;

	private boolean inRow;

	private boolean inString;

	private boolean inFormula;

	private long rowBytes;

	private long stringBytes;

	private long allStringBytes;

	private long formulaBytes;

	private int cells;

	private int strings;

	private int listed;

	private int arrayFormulas;

	XmlScanner(ImportLimits limits) {
		this.maxCell = limits.maxCellSize().toBytes();
		this.maxRow = limits.maxRowSize().toBytes();
		this.maxColumns = limits.maxColumns();
		this.maxStrings = limits.maxSharedStrings();
		this.maxStringBytes = limits.maxSharedStringsSize().toBytes();
	}

	/** The next bytes of the part; throws {@link FileProblem} at the first excess. */
	void accept(byte[] bytes, int offset, int length) {
		for (int i = offset; i < offset + length && state != State.BINARY; i++) {
			step(bytes[i] & 0xFF);
		}
	}

	/**
	 * Whether the part is XML (else it is an image or other binary the reader never
	 * parses).
	 */
	boolean isXml() {
		return state != State.SNIFF && state != State.BINARY;
	}

	private void step(int c) {
		if (state == State.SNIFF) {
			sniff(c);
			return;
		}
		if (c == 0) {
			// UTF-16 or UTF-32: Excel writes UTF-8, and NUL is never XML
			throw new FileProblem("exchange.error.file.limit.encoding");
		}
		count();
		if (state != State.TEXT) {
			// tags, comments and CDATA are one run each, like a stretch of text
			grow();
		}
		switch (state) {
			case SNIFF, BINARY -> {
			}
			case TEXT -> text(c);
			case OPEN -> open(c);
			case START_NAME -> startName(c);
			case ATTRIBUTES -> attributes(c);
			case END_NAME -> endName(c);
			case PI -> until(c, '?', 1);
			case BANG -> bang(c);
			case COMMENT -> until(c, '-', 2);
			case CDATA -> cdata(c);
		}
	}

	/** Skips a UTF-8 byte-order mark and white space up to the first '<'. */
	private void sniff(int c) {
		boolean bom = position < 3 && c == new int[] { 0xEF, 0xBB, 0xBF }[position] && (position == 0 || first == 0xEF);
		boolean utf16 = position == 1 && (first == 0xFE && c == 0xFF || first == 0xFF && c == 0xFE || first == 0);
		if (position == 0) {
			first = c;
		}
		position++;
		if (utf16) {
			throw new FileProblem("exchange.error.file.limit.encoding");
		}
		if (c == '<') {
			state = State.TEXT;
			step(c);
		}
		else if (!bom && !space(c) && !(position == 1 && (c == 0xFE || c == 0xFF || c == 0))) {
			state = State.BINARY;
		}
	}

	/** Bytes inside a row, a shared string or a formula. */
	private void count() {
		if (inRow && ++rowBytes > maxRow) {
			throw refused("row", maxRow);
		}
		if (inString && (++stringBytes > maxRow)) {
			throw refused("row", maxRow);
		}
		if (inString && ++allStringBytes > maxStringBytes) {
			throw refused("sharedStringsSize", maxStringBytes);
		}
		if (inFormula && ++formulaBytes > MAX_FORMULA_BYTES) {
			throw refused("formulas", MAX_FORMULA_BYTES);
		}
	}

	private void text(int c) {
		if (c == '<') {
			state = State.OPEN;
			run = 0;
			grow();
		}
		else if (c == '>') {
			run = 0;
		}
		else {
			grow();
		}
	}

	private void open(int c) {
		nameLength = 0;
		if (c == '/') {
			state = State.END_NAME;
		}
		else if (c == '?') {
			state = State.PI;
			match = 0;
		}
		else if (c == '!') {
			state = State.BANG;
			bang.setLength(0);
		}
		else {
			notLt(c);
			state = State.START_NAME;
			name(c);
		}
	}

	private void startName(int c) {
		notLt(c);
		if (c == '>' || c == '/' || space(c)) {
			String local = localName();
			keep = local.equals("c") || local.equals("row") || local.equals("f");
			tagLength = 0;
			quote = 0;
			slash = false;
			state = State.ATTRIBUTES;
			attributes(c);
		}
		else {
			name(c);
		}
	}

	private void attributes(int c) {
		if (quote != 0) {
			notLt(c);
			if (c == quote) {
				quote = 0;
			}
			keep(c);
		}
		else if (c == '"' || c == '\'') {
			quote = c;
			slash = false;
			keep(c);
		}
		else if (c == '>') {
			startTag(slash);
		}
		else {
			notLt(c);
			if (!space(c)) {
				slash = c == '/';
			}
			keep(c);
		}
	}

	private void endName(int c) {
		notLt(c);
		if (c == '>') {
			endTag();
		}
		else if (!space(c)) {
			name(c);
		}
	}

	/** A processing instruction ({@code ?>}) or comment ({@code -->}) up to its end. */
	private void until(int c, int mark, int marks) {
		if (c == '>' && match >= marks) {
			toText();
		}
		else {
			match = c == mark ? match + 1 : 0;
		}
	}

	private void bang(int c) {
		bang.append((char) c);
		String start = bang.toString();
		if (start.equals("--")) {
			state = State.COMMENT;
			match = 0;
		}
		else if (start.equals("[CDATA[")) {
			state = State.CDATA;
			match = 0;
		}
		else if (!"--".startsWith(start) && !"[CDATA[".startsWith(start)) {
			// DOCTYPE and ENTITY: spreadsheets never declare them
			throw new FileProblem("exchange.error.file.limit.declaration");
		}
	}

	/** CDATA is text: its length runs on with the text around it. */
	private void cdata(int c) {
		if (c == '>' && match >= 2) {
			state = State.TEXT;
		}
		else {
			match = c == ']' ? match + 1 : 0;
		}
	}

	private void startTag(boolean selfClosing) {
		String local = localName();
		if (!selfClosing && ++depth > MAX_DEPTH) {
			throw new FileProblem("exchange.error.file.limit.depth", MAX_DEPTH);
		}
		switch (local) {
			case "row" -> {
				inRow = !selfClosing;
				rowBytes = 0;
				cells = 0;
			}
			case "c" -> cell();
			case "si" -> {
				if (++strings > maxStrings) {
					throw new FileProblem("exchange.error.file.limit.sharedStrings", maxStrings);
				}
				inString = !selfClosing;
				stringBytes = 0;
			}
			case "f" -> {
				if ("array".equals(attribute("t")) && ++arrayFormulas > MAX_ARRAY_FORMULAS) {
					throw new FileProblem("exchange.error.file.limit.arrayFormulas", MAX_ARRAY_FORMULAS);
				}
				inFormula = !selfClosing;
			}
			case "sheet", "Relationship", "numFmt", "xf" -> {
				if (++listed > MAX_LISTED) {
					throw new FileProblem("exchange.error.file.limit.listed", MAX_LISTED);
				}
			}
			default -> {
			}
		}
		toText();
	}

	private void cell() {
		if (++cells > maxColumns) {
			throw new FileProblem("exchange.error.file.limit.columns", maxColumns);
		}
		String reference = attribute("r");
		long column = 0;
		for (int i = 0; reference != null && i < reference.length(); i++) {
			char letter = reference.charAt(i);
			if (letter < 'A' || letter > 'Z') {
				break;
			}
			column = column * 26 + (letter - 'A' + 1);
			if (column > maxColumns) {
				throw new FileProblem("exchange.error.file.limit.column", maxColumns);
			}
		}
	}

	private void endTag() {
		depth--;
		switch (localName()) {
			case "row" -> inRow = false;
			case "si" -> inString = false;
			case "f" -> inFormula = false;
			default -> {
			}
		}
		toText();
	}

	private void toText() {
		state = State.TEXT;
		run = 0;
	}

	/** One byte more of the current text run or tag. */
	private void grow() {
		if (++run > maxCell) {
			throw refused("cell", maxCell);
		}
	}

	private void name(int c) {
		if (nameLength < MAX_NAME) {
			name[nameLength++] = (byte) c;
		}
	}

	private String localName() {
		int start = 0;
		for (int i = 0; i < nameLength; i++) {
			if (name[i] == ':') {
				start = i + 1;
			}
		}
		return new String(name, start, nameLength - start, StandardCharsets.UTF_8);
	}

	private void keep(int c) {
		if (!keep) {
			return;
		}
		if (tagLength == MAX_KEPT_TAG) {
			throw refused("markup", MAX_KEPT_TAG);
		}
		tag[tagLength++] = (byte) c;
	}

	/** The value of an attribute without prefix of a kept tag, or null. */
	private String attribute(String wanted) {
		String attributes = new String(tag, 0, tagLength, StandardCharsets.UTF_8);
		int i = 0;
		while (i < attributes.length()) {
			int equals = attributes.indexOf('=', i);
			if (equals < 0) {
				return null;
			}
			String key = attributes.substring(i, equals).strip();
			int open = equals + 1;
			while (open < attributes.length() && Character.isWhitespace(attributes.charAt(open))) {
				open++;
			}
			if (open >= attributes.length()) {
				return null;
			}
			int close = attributes.indexOf(attributes.charAt(open), open + 1);
			if (close < 0) {
				return null;
			}
			if (key.equals(wanted)) {
				return attributes.substring(open + 1, close);
			}
			i = close + 1;
		}
		return null;
	}

	private static void notLt(int c) {
		if (c == '<') {
			throw new FileProblem("exchange.error.file.limit.malformed");
		}
	}

	private static boolean space(int c) {
		return c == ' ' || c == '\t' || c == '\n' || c == '\r';
	}

	static FileProblem refused(String limit, long bytes) {
		return new FileProblem("exchange.error.file.limit." + limit, ImportLimits.words(bytes));
	}

}

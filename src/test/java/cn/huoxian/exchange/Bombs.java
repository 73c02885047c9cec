package cn.huoxian.exchange;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Hostile uploads built on the fly: small files that inflate (or parse) to far more than
 * the server could hold. Each is streamed to disk, never built in memory.
 */
public final class Bombs {

	/** A little over one GiB: the size of the cell in the reported attack. */
	public static final long GIB = 1L << 30;

	private static final String CONTENT_TYPES = """
			<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
			<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
			<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
			<Default Extension="xml" ContentType="application/xml"/>\
			<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
			<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
			<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>\
			</Types>""";

	private static final String WORKBOOK = """
			<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
			<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
			xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
			<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>""";

	private static final String WORKBOOK_RELS = """
			<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
			<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
			<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" \
			Target="worksheets/sheet1.xml"/>\
			<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" \
			Target="sharedStrings.xml"/></Relationships>""";

	private static final String SHEET_START = """
			<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
			<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>""";

	private static final String SHEET_END = "</sheetData></worksheet>";

	/** A header row naming the households import's columns. */
	private static final String HEADER_ROW = "<row r=\"1\">" + header("A", "regionCode") + header("B", "building")
			+ header("C", "address") + header("D", "door") + "</row>";

	private Bombs() {
	}

	private static String header(String column, String name) {
		return "<c r=\"" + column + "1\" t=\"inlineStr\"><is><t>" + name + "</t></is></c>";
	}

	/**
	 * A workbook whose one data cell (inline, in the sheet) is {@code length} bytes of
	 * 'A'.
	 */
	public static Path sheetCell(Path dir, long length) throws IOException {
		Path file = dir.resolve("sheet-cell.xlsx");
		try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
			parts(zip, "");
			entry(zip, "xl/worksheets/sheet1.xml");
			text(zip, SHEET_START + HEADER_ROW + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>");
			repeat(zip, (byte) 'A', length);
			text(zip, "</t></is></c></row>" + SHEET_END);
		}
		return file;
	}

	/**
	 * A workbook whose one shared string is {@code length} bytes of 'A', used by row 2.
	 */
	public static Path sharedString(Path dir, long length) throws IOException {
		Path file = dir.resolve("shared-string.xlsx");
		try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
			parts(zip, SHEET_START + HEADER_ROW + "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>0</v></c></row>" + SHEET_END);
			entry(zip, "xl/sharedStrings.xml");
			text(zip, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\""
					+ "http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"1\" uniqueCount=\"1\"><si><t>");
			repeat(zip, (byte) 'A', length);
			text(zip, "</t></si></sst>");
		}
		return file;
	}

	/**
	 * A workbook whose sheet is the given XML (rows between the sheet's start and end).
	 */
	public static Path sheet(Path dir, String name, String rows) throws IOException {
		return sheet(dir, name, rows, Map.of());
	}

	/** The same with more parts (pictures, say). */
	public static Path sheet(Path dir, String name, String rows, Map<String, byte[]> more) throws IOException {
		Path file = dir.resolve(name);
		try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
			parts(zip, SHEET_START + HEADER_ROW + rows + SHEET_END);
			for (Map.Entry<String, byte[]> part : more.entrySet()) {
				entry(zip, part.getKey());
				zip.write(part.getValue());
			}
		}
		return file;
	}

	/** A well-formed workbook with {@code count} extra (empty) entries. */
	public static Path manyEntries(Path dir, int count) throws IOException {
		Path file = dir.resolve("many-entries.xlsx");
		try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
			parts(zip, SHEET_START + HEADER_ROW + SHEET_END);
			for (int i = 0; i < count; i++) {
				zip.putNextEntry(new ZipEntry("x/" + i));
			}
		}
		return file;
	}

	/**
	 * A CSV with a header and one row whose first field is {@code length} bytes of 'A'.
	 */
	public static Path csvField(Path dir, long length) throws IOException {
		Path file = dir.resolve("field.csv");
		try (OutputStream out = Files.newOutputStream(file)) {
			out.write("regionCode,building,address,door\n".getBytes(StandardCharsets.UTF_8));
			repeat(out, (byte) 'A', length);
			out.write(",1,x,y\n".getBytes(StandardCharsets.UTF_8));
		}
		return file;
	}

	private static void parts(ZipOutputStream zip, String sheet) throws IOException {
		entry(zip, "[Content_Types].xml");
		text(zip, CONTENT_TYPES);
		entry(zip, "xl/workbook.xml");
		text(zip, WORKBOOK);
		entry(zip, "xl/_rels/workbook.xml.rels");
		text(zip, WORKBOOK_RELS);
		if (!sheet.isEmpty()) {
			entry(zip, "xl/worksheets/sheet1.xml");
			text(zip, sheet);
		}
	}

	private static void entry(ZipOutputStream zip, String name) throws IOException {
		zip.putNextEntry(new ZipEntry(name));
	}

	private static void text(OutputStream out, String text) throws IOException {
		out.write(text.getBytes(StandardCharsets.UTF_8));
	}

	private static void repeat(OutputStream out, byte b, long length) throws IOException {
		byte[] chunk = new byte[1 << 16];
		Arrays.fill(chunk, b);
		for (long left = length; left > 0; left -= chunk.length) {
			out.write(chunk, 0, (int) Math.min(chunk.length, left));
		}
	}

}

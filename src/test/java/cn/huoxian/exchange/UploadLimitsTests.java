package cn.huoxian.exchange;

import static cn.huoxian.exchange.ExchangeFixtures.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/**
 * What one upload may unpack to and hold, checked while it streams: each bomb is refused
 * naming its limit, and workbooks at Excel's own limits still read.
 */
class UploadLimitsTests {

	static final ImportLimits LIMITS = ImportLimits.DEFAULTS;

	@TempDir
	Path dir;

	@Test
	void refusesAGibibyteCellInTheSheetAfterReadingAboutAMegabyte() throws IOException {
		Path bomb = Bombs.sheetCell(dir, Bombs.GIB);
		assertThat(Files.size(bomb)).isLessThan(2L << 20);
		long start = System.nanoTime();
		assertRefused(bomb, "exchange.error.file.limit.cell", "1 MB");
		assertThat(System.nanoTime() - start).isLessThan(5_000_000_000L);
	}

	@Test
	void refusesAGibibyteSharedString() throws IOException {
		assertRefused(Bombs.sharedString(dir, Bombs.GIB), "exchange.error.file.limit.cell", "1 MB");
	}

	@Test
	void refusesAZipOfManyEntriesBeforeOpeningIt() throws IOException {
		assertRefused(Bombs.manyEntries(dir, 5000), "exchange.error.file.limit.entries", "1000");
	}

	@Test
	void refusesACellBeyondTheLastColumnAndTooManyCellsInARow() throws IOException {
		assertRefused(Bombs.sheet(dir, "far.xlsx", "<row r=\"2\"><c r=\"AAAAAA2\"><v>1</v></c></row>"),
				"exchange.error.file.limit.column", "16384");
		assertRefused(Bombs.sheet(dir, "wide.xlsx", "<row r=\"2\">" + "<c/>".repeat(16_385) + "</row>"),
				"exchange.error.file.limit.columns", "16384");
	}

	@Test
	void refusesANumberWithABillionDigits() throws IOException {
		assertRefused(Bombs.sheet(dir, "number.xlsx", "<row r=\"2\"><c r=\"A2\"><v>1E999999999</v></c></row>"),
				"exchange.error.file.limit.number", "2");
	}

	@Test
	void refusesDeepNestingAndDocumentTypes() throws IOException {
		assertRefused(Bombs.sheet(dir, "deep.xlsx", "<a>".repeat(100)), "exchange.error.file.limit.depth", "64");
		assertRefused(Bombs.sheet(dir, "dtd.xlsx", "<!DOCTYPE x [<!ENTITY a \"aaaa\">]>"),
				"exchange.error.file.limit.declaration");
	}

	@Test
	void refusesAPartPackedMoreThanAHundredfold() throws IOException {
		// short tags, so no one run is long: only the ratio gives it away
		Path bomb = dir.resolve("ratio.xlsx");
		try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(bomb))) {
			zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
			byte[] tags = "<a/>".repeat(16_384).getBytes(StandardCharsets.US_ASCII);
			for (int i = 0; i < 1024; i++) {
				zip.write(tags);
			}
		}
		assertRefused(bomb, "exchange.error.file.limit.ratio", "100");
	}

	@Test
	void refusesMoreThanTheTotalTheEntryOrTheSharedStringsAllow() throws IOException {
		Path file = write("a.xlsx", ExchangeFixtures.xlsx(List.of(row("code", "name"), row("1", "x".repeat(5000)))));
		assertRefused(file, limits(DataSize.ofKilobytes(4), DataSize.ofMegabytes(1), 1000),
				"exchange.error.file.limit.inflated", "4 KB");
		assertRefused(file, limits(DataSize.ofMegabytes(1), DataSize.ofKilobytes(4), 1000),
				"exchange.error.file.limit.entry", "4 KB");
		// no shared strings at all is within a limit of none
		Path inline = Bombs.sheet(dir, "inline.xlsx", "<row r=\"2\"><c r=\"A2\"><v>1</v></c></row>");
		assertThat(readAll(inline, limits(DataSize.ofMegabytes(1), DataSize.ofMegabytes(1), 0))).isOne();
	}

	@Test
	void countsSharedStringsAndTheirBytes() {
		XmlScanner scanner = new XmlScanner(new ImportLimits(2, 1000, DataSize.ofMegabytes(1), DataSize.ofMegabytes(1),
				100, DataSize.ofKilobytes(1), DataSize.ofKilobytes(4), 16384, 2, DataSize.ofMegabytes(1)));
		byte[] two = "<sst><si><t>a</t></si><si><t>b</t></si>".getBytes(StandardCharsets.UTF_8);
		scanner.accept(two, 0, two.length);
		byte[] third = "<si><t>c</t></si>".getBytes(StandardCharsets.UTF_8);
		assertThatThrownBy(() -> scanner.accept(third, 0, third.length)).isInstanceOfSatisfying(FileProblem.class,
				p -> assertThat(p.reason()).isEqualTo(Reason.of("exchange.error.file.limit.sharedStrings", 2)));
	}

	@Test
	void refusesARowLargerThanTheLimitEvenInShortPieces() {
		XmlScanner scanner = new XmlScanner(LIMITS);
		byte[] start = "<worksheet><sheetData><row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is>"
			.getBytes(StandardCharsets.UTF_8);
		scanner.accept(start, 0, start.length);
		byte[] piece = ("<t>" + "x".repeat(1000) + "</t><!---->").getBytes(StandardCharsets.UTF_8);
		assertThatThrownBy(() -> {
			for (int i = 0; i < 10_000; i++) {
				scanner.accept(piece, 0, piece.length);
			}
		}).isInstanceOfSatisfying(FileProblem.class,
				p -> assertThat(p.reason()).isEqualTo(Reason.of("exchange.error.file.limit.row", "4 MB")));
	}

	@Test
	void refusesUtf16Xml() {
		XmlScanner scanner = new XmlScanner(LIMITS);
		byte[] utf16 = "\uFEFF<worksheet/>".getBytes(StandardCharsets.UTF_16LE);
		assertThatThrownBy(() -> scanner.accept(utf16, 0, utf16.length)).isInstanceOfSatisfying(FileProblem.class,
				p -> assertThat(p.reason().key()).isEqualTo("exchange.error.file.limit.encoding"));
	}

	@Test
	void readsACellAsLongAsExcelAllowsAndLeavesPicturesAlone() throws IOException {
		String longest = "火".repeat(32_767);
		byte[] picture = new byte[2 << 20];
		new Random(7).nextBytes(picture);
		picture[0] = (byte) 0x89;
		Path file = Bombs.sheet(dir, "long.xlsx",
				"<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>" + longest + "</t></is></c></row>",
				Map.of("xl/media/image1.png", picture));
		try (TableReader reader = TableReader.open(file, "long.xlsx", 10, LIMITS)) {
			reader.header();
			assertThat(reader.next().cell(0).text()).isEqualTo(longest);
		}
		XmlScanner scanner = new XmlScanner(LIMITS);
		scanner.accept(picture, 0, picture.length);
		assertThat(scanner.isXml()).isFalse();
	}

	@Test
	void refusesACsvFieldLineOrWidthOverTheLimitsAndReadsQuotedOnesWithin() throws IOException {
		assertRefused(Bombs.csvField(dir, 2L << 20), "exchange.error.file.limit.csvField", "1048576");
		assertRefused(write("wide.csv", ("a" + ",".repeat(16_384) + "\n").getBytes(StandardCharsets.UTF_8)),
				"exchange.error.file.limit.csvColumns", "16384");
		ImportLimits shortLines = new ImportLimits(2, 1000, DataSize.ofMegabytes(512), DataSize.ofMegabytes(256), 100,
				DataSize.ofBytes(10), DataSize.ofBytes(25), 16384, 1000, DataSize.ofMegabytes(1));
		assertRefused(write("long.csv", "a,b\n0123456789,0123456789,0123456789\n".getBytes(StandardCharsets.UTF_8)),
				shortLines, "exchange.error.file.limit.csvLine", "25");
		// commas, line breaks and doubled quotes inside quotes belong to the field
		Path quoted = write("quoted.csv", "a,b\n\"x,\n\"\"y\",z\n".getBytes(StandardCharsets.UTF_8));
		try (TableReader reader = TableReader.open(quoted, "quoted.csv", 10, shortLines)) {
			reader.header();
			assertThat(reader.next().cell(0).text()).isEqualTo("x,\n\"y");
		}
		assertRefused(write("quoted-long.csv", "a\n\"0123456789,\"\n".getBytes(StandardCharsets.UTF_8)), shortLines,
				"exchange.error.file.limit.csvField", "10");
	}

	private static ImportLimits limits(DataSize total, DataSize entry, int strings) {
		return new ImportLimits(2, 1000, total, entry, 100, DataSize.ofMegabytes(1), DataSize.ofMegabytes(4), 16384,
				strings, DataSize.ofMegabytes(32));
	}

	private int readAll(Path file, ImportLimits limits) throws IOException {
		int rows = 0;
		try (TableReader reader = TableReader.open(file, file.getFileName().toString(), 100, limits)) {
			reader.header();
			while (reader.next() != null) {
				rows++;
			}
		}
		return rows;
	}

	private void assertRefused(Path file, String key, String... args) {
		assertRefused(file, LIMITS, key, args);
	}

	private void assertRefused(Path file, ImportLimits limits, String key, String... args) {
		assertThatThrownBy(() -> readAll(file, limits)).isInstanceOfSatisfying(FileProblem.class,
				p -> assertThat(p.reason()).isEqualTo(new Reason(key, List.of(args))));
	}

	private Path write(String name, byte[] content) throws IOException {
		Path file = dir.resolve(name);
		try (OutputStream out = Files.newOutputStream(file)) {
			out.write(content);
		}
		return file;
	}

}

package cn.huoxian.exchange;

import static cn.huoxian.exchange.ExchangeFixtures.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Reading uploads: row numbers as a spreadsheet shows them, the row limit, and files we
 * refuse.
 */
class TableReaderTests {

	@TempDir
	Path dir;

	@ParameterizedTest
	@ValueSource(strings = { "\uFEFF", "" })
	void numbersCsvRowsAsASpreadsheetDoesWithOrWithoutBom(String bom) throws IOException {
		Path file = write("a.csv",
				(bom + "代码,名称\r\n1,一\r\n\r\n\"3\",\"多\n行\"\r\n4,四\r\n").getBytes(StandardCharsets.UTF_8));
		try (TableReader reader = TableReader.open(file, "a.csv", 10)) {
			assertThat(reader.header()).containsExactly("代码", "名称");
			assertThat(numbers(reader)).containsExactly(2, 4, 5);
		}
	}

	@Test
	void readsXlsxNumbersAsPlainDigitsAndSkipsBlankRows() throws IOException {
		Path file = write("a.xlsx", ExchangeFixtures.xlsx(List.of(row("code", "name"),
				row(new BigDecimal("130902001000"), "x"), row("", ""), row("130902001001", 7))));
		try (TableReader reader = TableReader.open(file, "a.xlsx", 10)) {
			reader.header();
			SourceRow first = reader.next();
			assertThat(first.cell(0).text()).isEqualTo("130902001000");
			assertThat(first.cell(0).isNumber()).isTrue();
			assertThat(reader.next().number()).isEqualTo(4);
			assertThat(reader.next()).isNull();
		}
	}

	@Test
	void refusesMoreRowsThanTheLimit() throws IOException {
		Path file = write("a.csv", "code\n1\n2\n3\n4\n".getBytes(StandardCharsets.UTF_8));
		try (TableReader reader = TableReader.open(file, "a.csv", 3)) {
			reader.header();
			assertThatThrownBy(() -> numbers(reader)).isInstanceOfSatisfying(FileProblem.class,
					p -> assertThat(p.reason()).isEqualTo(Reason.of("exchange.error.file.tooManyRows", 3)));
		}
	}

	@Test
	void refusesCsvThatIsNotUtf8() throws IOException {
		Path file = write("a.csv", "姓名,身份证号\n张三,1\n".getBytes(Charset.forName("GBK")));
		assertThatThrownBy(() -> {
			try (TableReader reader = TableReader.open(file, "a.csv", 10)) {
				reader.header();
				numbers(reader);
			}
		}).isInstanceOfSatisfying(FileProblem.class,
				p -> assertThat(p.reason().key()).isEqualTo("exchange.error.file.encoding"));
	}

	@Test
	void refusesOldXlsAndOtherFiles() throws IOException {
		byte[] ole2 = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1 };
		assertProblem(write("a.xls", ole2), "a.xls", "exchange.error.file.xls");
		assertProblem(write("b.xlsx", "code\n1\n".getBytes(StandardCharsets.UTF_8)), "b.xlsx",
				"exchange.error.file.notXlsx");
		assertProblem(write("c.pdf", "%PDF".getBytes(StandardCharsets.UTF_8)), "c.pdf", "exchange.error.file.type");
		assertProblem(write("d.csv", new byte[0]), "d.csv", "exchange.error.file.empty");
	}

	private void assertProblem(Path file, String name, String key) {
		assertThatThrownBy(() -> TableReader.open(file, name, 10)).isInstanceOfSatisfying(FileProblem.class,
				p -> assertThat(p.reason().key()).isEqualTo(key));
	}

	private Path write(String name, byte[] content) throws IOException {
		return Files.write(dir.resolve(name), content);
	}

	private static List<Integer> numbers(TableReader reader) throws IOException {
		List<Integer> numbers = new ArrayList<>();
		for (SourceRow row = reader.next(); row != null; row = reader.next()) {
			numbers.add(row.number());
		}
		return numbers;
	}

}

package cn.huoxian.exchange;

import static cn.huoxian.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import cn.huoxian.shared.IdNumber;
import cn.huoxian.support.Api;
import com.jayway.jsonpath.JsonPath;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Import files in both formats and unique codes, for tests that share one database. */
final class ExchangeFixtures {

	private ExchangeFixtures() {
	}

	/**
	 * The two upload formats; a row is a list of cells (text, numbers, dates,
	 * date-times).
	 */
	enum Format {

		CSV, XLSX;

		MockMultipartFile file(List<List<Object>> rows) {
			return this == CSV ? new MockMultipartFile("file", "rows.csv", "text/csv", csv(rows))
					: new MockMultipartFile("file", "rows.xlsx",
							"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx(rows));
		}

	}

	/** UTF-8 with a byte-order mark, as Excel writes "CSV UTF-8". */
	static byte[] csv(List<List<Object>> rows) {
		String text = rows.stream()
			.map(row -> row.stream().map(c -> c == null ? "" : c.toString()).collect(Collectors.joining(",")))
			.collect(Collectors.joining("\r\n", "\uFEFF", "\r\n"));
		return text.getBytes(StandardCharsets.UTF_8);
	}

	static byte[] xlsx(List<List<Object>> rows) {
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			Workbook workbook = new Workbook(out, "test", "1.0");
			Worksheet sheet = workbook.newWorksheet("rows");
			for (int r = 0; r < rows.size(); r++) {
				for (int c = 0; c < rows.get(r).size(); c++) {
					Object cell = rows.get(r).get(c);
					if (cell instanceof Number number) {
						sheet.value(r, c, number);
					}
					else if (cell instanceof LocalDateTime time) {
						sheet.value(r, c, time);
						sheet.style(r, c).format("yyyy-mm-dd hh:mm").set();
					}
					else if (cell instanceof LocalDate date) {
						sheet.value(r, c, date);
						sheet.style(r, c).format("yyyy-mm-dd").set();
					}
					else if (cell != null) {
						sheet.value(r, c, cell.toString());
					}
				}
			}
			workbook.finish();
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static List<Object> row(Object... cells) {
		return java.util.Arrays.asList(cells);
	}

	/** Uploads asking for English, the language the import tests assert reasons in. */
	static ResultActions upload(MockMvc mvc, String username, String kind, MockMultipartFile file) throws Exception {
		return upload(mvc, username, kind, file, "en");
	}

	static ResultActions upload(MockMvc mvc, String username, String kind, MockMultipartFile file, String language)
			throws Exception {
		return mvc.perform(multipart("/api/v1/imports/" + kind).file(file)
			.header("Authorization", "Bearer " + Api.token(mvc, username))
			.header("Accept-Language", language));
	}

	/** A township code under 新华区 (130902) that no region uses yet. */
	static String freeTownship(MockMvc mvc) throws Exception {
		for (int attempt = 0; attempt < 50; attempt++) {
			String code = "130902" + ThreadLocalRandom.current().nextInt(100, 1000) + "000";
			int status = mvc.perform(as(mvc, "admin", get("/api/v1/regions/" + code)))
				.andReturn()
				.getResponse()
				.getStatus();
			if (status == 404) {
				return code;
			}
		}
		throw new IllegalStateException("no free township code under 130902");
	}

	/**
	 * A new township with one village and one grid under 新华区, made by the regions import.
	 */
	static Network network(MockMvc mvc) throws Exception {
		String township = freeTownship(mvc);
		Network network = new Network(township, township.substring(0, 9) + "001", township.substring(0, 9) + "001001");
		MockMultipartFile file = Format.CSV.file(List.of(row("code", "name", "parentCode"),
				row(network.township(), "测试街道", "130902"), row(network.village(), "测试社区", network.township()),
				row(network.grid(), "测试网格一", network.village())));
		int status = upload(mvc, "xinhua", "regions", file).andReturn().getResponse().getStatus();
		assertThat(status).isEqualTo(200);
		return network;
	}

	/** The codes of a township, its first village and that village's first grid. */
	record Network(String township, String village, String grid) {
	}

	/**
	 * A valid ID number no demo resident has (their area codes are Cangzhou's 1309xx)
	 * and, with 10^11 choices, no earlier run on the same database is likely to have
	 * used: someone born in 1950 to 1979, so of age to have joined the party in 2001.
	 */
	static String idNumber() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		LocalDate birth = LocalDate.of(1950, 1, 1).plusDays(random.nextInt(10950));
		return IdNumber.of(String.valueOf(random.nextInt(110000, 120000)), birth, random.nextInt(1000)).value();
	}

	/** The same number with a wrong check character. */
	static String withWrongCheckDigit(String idNumber) {
		char right = idNumber.charAt(17);
		return idNumber.substring(0, 17) + (right == '1' ? '2' : '1');
	}

	static long count(MockMvc mvc, String region, String what) throws Exception {
		String body = mvc.perform(as(mvc, "admin", get("/api/v1/regions/" + region)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		return ((Number) JsonPath.read(body, "$.counts." + what)).longValue();
	}

	/** The ids of a grid's households, in registration order. */
	static List<Long> householdIds(MockMvc mvc, String grid) throws Exception {
		String body = mvc
			.perform(as(mvc, "admin", get("/api/v1/households").param("region", grid).param("size", "500")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<Number> ids = JsonPath.read(body, "$.items[*].id");
		return ids.stream().map(Number::longValue).sorted().toList();
	}

	/** Registers households in a grid through the import; answers their ids. */
	static List<Long> households(MockMvc mvc, String grid, int count) throws Exception {
		List<List<Object>> rows = new java.util.ArrayList<>();
		rows.add(row("regionCode", "building", "address", "door"));
		for (int i = 1; i <= count; i++) {
			rows.add(row(grid, "1号楼", "测试路" + i + "号", "1-" + i));
		}
		int status = upload(mvc, "xinhua", "households", Format.CSV.file(rows)).andReturn().getResponse().getStatus();
		assertThat(status).isEqualTo(200);
		return householdIds(mvc, grid);
	}

}

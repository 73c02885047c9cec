package cn.huoxian.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TimeZone;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.deser.bean.BeanDeserializerBase;
import tools.jackson.databind.json.JsonMapper;

/**
 * Offset date-times read by the quick parser are exactly what Jackson's own reader makes
 * of them, and every text it does not take is left to Jackson, refusals included.
 */
class QuickOffsetTimesTests {

	record At(OffsetDateTime at) {
	}

	@ParameterizedTest
	@ValueSource(strings = { "2020-02-01T08:00:00+08:00", "2020-02-01T08:00+08:00", "2020-02-01T00:00:00Z",
			"2020-02-01T08:00:00.5+08:00", "2020-02-01T08:00:00.123456789-05:30", "2024-02-29T23:59:59+14:00" })
	void readsTheUsualShapes(String text) {
		assertThat(QuickOffsetTimes.parse(text)).isEqualTo(OffsetDateTime.parse(text));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "2020-02-01", "2020-02-01T08:00:00", "2020-02-01t08:00:00Z", "2020-02-01T08:00:00z",
			"2020-02-01T08:00:00+0800", "2020-02-01T08:00:00+08", "2020-02-01T08:00:00+08:00:00",
			"2020-02-30T08:00:00Z", "2021-02-29T08:00:00Z", "2020-02-01T24:00:00Z", "2020-02-01T08:60:00Z",
			"2020-02-01T08:00:60Z", "2020-02-01T08:00:00.Z", "2020-02-01T08:00:00.1234567890Z", "+2020-02-01T08:00Z",
			"20200-02-01T08:00:00Z", "2020-2-01T08:00:00Z", " 2020-02-01T08:00:00Z", "2020-02-01T08:00:00Z ",
			"2020-02-01T08:00:00+19:00", "2020-02-01T08:00:00+08:60", "2020-02-01T08:00:00[Asia/Shanghai]",
			"２０２０-02-01T08:00:00Z", "12345", "1580515200.5" })
	void leavesEverythingElseToJackson(String text) {
		assertThat(QuickOffsetTimes.parse(text)).isNull();
	}

	/**
	 * The application's reader against Jackson's own, on texts near the usual shape, in
	 * zones with and without summer time, adjusting to the context's zone or not.
	 */
	@ParameterizedTest
	@CsvSource({ "Asia/Shanghai,true", "UTC,true", "America/New_York,true", "Australia/Lord_Howe,true",
			"Asia/Shanghai,false" })
	void readsWhatJacksonReads(String zone, boolean adjust) {
		JsonMapper ours = mapper(zone, adjust, true);
		JsonMapper jackson = mapper(zone, adjust, false);
		Random random = new Random(zone.hashCode() * 31L + (adjust ? 1 : 0));
		int quick = 0;
		for (int i = 0; i < 3_000; i++) {
			String text = nearlyUsual(random);
			String body = "{\"at\":\"" + text + "\"}";
			Object expected = outcome(jackson, body);
			assertThat(outcome(ours, body)).as(text).isEqualTo(expected);
			quick += QuickOffsetTimes.parse(text) == null ? 0 : 1;
		}
		// most texts took the quick path, and some did not
		assertThat(quick).isBetween(1_000, 2_990);
	}

	@Test
	void theApplicationsReaderTakesTheQuickPathForAPlainField() {
		Exposed ours = new Exposed(builder("Asia/Shanghai", true, true));
		DeserializationContext ctxt = ours.context();
		BeanDeserializerBase bean = (BeanDeserializerBase) ctxt.findRootValueDeserializer(ctxt.constructType(At.class));
		ValueDeserializer<Object> at = bean.findProperty(tools.jackson.databind.PropertyName.construct("at"))
			.getValueDeserializer();
		assertThat(at).isInstanceOfSatisfying(StrictJson.StringsOnly.class,
				strings -> assertThat(strings.readsOffsetsQuickly()).isTrue());
	}

	static final class Exposed extends JsonMapper {

		Exposed(JsonMapper.Builder builder) {
			super(builder);
		}

		DeserializationContext context() {
			return _deserializationContext();
		}

	}

	private static JsonMapper mapper(String zone, boolean adjust, boolean ours) {
		return builder(zone, adjust, ours).build();
	}

	private static JsonMapper.Builder builder(String zone, boolean adjust, boolean ours) {
		JsonMapper.Builder builder = JsonMapper.builder().defaultTimeZone(TimeZone.getTimeZone(zone));
		builder = adjust ? builder.enable(DateTimeFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
				: builder.disable(DateTimeFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);
		if (ours) {
			new StrictJson().strictJsonReading().customize(builder);
		}
		return builder;
	}

	/**
	 * The value read, or the refusal's class. (Not its message: Jackson words it
	 * differently for a non-lenient reader, which the application's is, and a refused
	 * text is read by that same reader as before, never by the quick one.)
	 */
	private static Object outcome(JsonMapper mapper, String body) {
		try {
			return mapper.readValue(body, At.class).at();
		}
		catch (RuntimeException ex) {
			return ex.getClass().getSimpleName();
		}
	}

	private static String nearlyUsual(Random random) {
		List<String> parts = new ArrayList<>();
		parts.add(String.format("%04d", random.nextInt(10) == 0 ? random.nextInt(10_000) : 1985 + random.nextInt(45)));
		parts.add(String.format("-%02d", random.nextInt(14)));
		parts.add(String.format("-%02d", random.nextInt(33)));
		parts.add(random.nextInt(30) == 0 ? "t" : "T");
		parts.add(String.format("%02d", random.nextInt(26)));
		parts.add(String.format(":%02d", random.nextInt(62)));
		if (random.nextInt(5) > 0) {
			parts.add(String.format(":%02d", random.nextInt(62)));
			if (random.nextBoolean()) {
				parts.add("." + Long.toString(Math.abs(random.nextLong())).substring(0, random.nextInt(11)));
			}
		}
		parts.add(switch (random.nextInt(8)) {
			case 0 -> "Z";
			case 1 -> "";
			case 2 -> "+0800";
			case 3 -> String.format("-%02d:%02d", random.nextInt(20), random.nextInt(2) * 30);
			default -> String.format("+%02d:%02d", random.nextInt(20), random.nextInt(4) * 15);
		});
		return String.join("", parts);
	}

}

package cn.huoxian.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Records made through a spreading handle are the records Jackson itself would make. */
class DirectCreatorsTests {

	static final ThreadLocal<List<String>> FRAMES = new ThreadLocal<>();

	record Probe(String a, int b) {
		Probe {
			FRAMES.set(StackWalker.getInstance()
				.walk(frames -> frames.map(f -> f.getClassName() + "." + f.getMethodName()).toList()));
		}
	}

	record Resident(Long personId, String status, BigDecimal temperature) {
	}

	record Visit(String visitId, long householdId, Boolean covered, List<Resident> residents, List<String> notes) {
	}

	record Checked(int n) {
		Checked {
			if (n < 0) {
				throw new IllegalArgumentException("n may not be negative: " + n);
			}
		}
	}

	private record Hidden(String value) {
	}

	static final class Settable {

		private String name;

		public String getName() {
			return name;
		}

		public void setName(String name) {
			this.name = name;
		}

	}

	final JsonMapper plain = JsonMapper.builder().build();

	final JsonMapper direct = JsonMapper.builder().addModule(DirectCreators.module()).build();

	@Test
	void aRecordIsMadeWithoutInvokeWithArguments() {
		assertThat(direct.readValue("{\"a\":\"x\",\"b\":2}", Probe.class)).isEqualTo(new Probe("x", 2));
		assertThat(FRAMES.get()).noneMatch(frame -> frame.endsWith("MethodHandle.invokeWithArguments"));
		// what it replaces: Jackson's own way, one new spreading invoker per record
		plain.readValue("{\"a\":\"x\",\"b\":2}", Probe.class);
		assertThat(FRAMES.get()).anyMatch(frame -> frame.endsWith("MethodHandle.invokeWithArguments"));
	}

	@ParameterizedTest
	@ValueSource(longs = { 1, 2, 3, 4, 5, 6, 7, 8 })
	void readsWhatJacksonReads(long seed) {
		String body = visits(new Random(seed));
		Visit[] expected = plain.readValue(body, Visit[].class);
		assertThat(direct.readValue(body, Visit[].class)).containsExactly(expected);
	}

	@Test
	void aConstructorsRefusalIsReportedAsJacksonReportsIt() {
		String body = "{\"n\":-3}";
		Throwable jackson = catchFrom(() -> plain.readValue(body, Checked.class));
		Throwable ours = catchFrom(() -> direct.readValue(body, Checked.class));
		assertThat(ours).isInstanceOf(jackson.getClass()).hasMessage(jackson.getMessage());
		assertThat(ours.getCause()).isInstanceOf(IllegalArgumentException.class)
			.hasMessage("n may not be negative: -3");
	}

	@Test
	void aMissingPrimitiveIsRefusedAsBefore() {
		Throwable jackson = catchFrom(() -> plain.readValue("{\"a\":\"x\"}", Probe.class));
		Throwable ours = catchFrom(() -> direct.readValue("{\"a\":\"x\"}", Probe.class));
		assertThat(ours).isInstanceOf(jackson.getClass()).hasMessage(jackson.getMessage());
	}

	@Test
	void privateRecordsAndBeansStillRead() {
		assertThat(direct.readValue("{\"value\":\"v\"}", Hidden.class)).isEqualTo(new Hidden("v"));
		assertThat(direct.readValue("{\"name\":\"n\"}", Settable.class).getName()).isEqualTo("n");
	}

	@Test
	void unknownFieldsAreStillRefused() {
		JsonMapper strict = direct.rebuild()
			.enable(tools.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.build();
		assertThatThrownBy(() -> strict.readValue("{\"a\":\"x\",\"b\":1,\"c\":0}", Probe.class))
			.isInstanceOf(JacksonException.class)
			.hasMessageContaining("\"c\"");
	}

	private static Throwable catchFrom(Runnable read) {
		try {
			read.run();
		}
		catch (RuntimeException ex) {
			return ex;
		}
		throw new AssertionError("expected a refusal");
	}

	/** A batch of visits with absent, null and present values in every position. */
	private static String visits(Random random) {
		List<String> visits = new ArrayList<>();
		for (int v = 0; v < 20; v++) {
			List<String> fields = new ArrayList<>();
			maybe(random, fields, "\"visitId\":" + (random.nextBoolean() ? "\"v" + v + "\"" : "null"));
			// a primitive: Jackson 3 refuses a missing one (FAIL_ON_NULL_FOR_PRIMITIVES)
			fields.add("\"householdId\":" + random.nextInt(1_000_000));
			maybe(random, fields, "\"covered\":" + List.of("true", "false", "null").get(random.nextInt(3)));
			maybe(random, fields, "\"residents\":" + residents(random));
			maybe(random, fields,
					"\"notes\":["
							+ String.join(",",
									IntStream.range(0, random.nextInt(3)).mapToObj(i -> "\"n" + i + "\"").toList())
							+ "]");
			visits.add("{" + String.join(",", fields) + "}");
		}
		return "[" + String.join(",", visits) + "]";
	}

	private static String residents(Random random) {
		if (random.nextInt(5) == 0) {
			return "null";
		}
		List<String> residents = new ArrayList<>();
		for (int r = random.nextInt(4); r > 0; r--) {
			List<String> fields = new ArrayList<>();
			maybe(random, fields, "\"personId\":" + random.nextInt(10_000_000));
			maybe(random, fields, "\"status\":\"" + List.of("PRESENT", "AWAY").get(random.nextInt(2)) + "\"");
			maybe(random, fields, "\"temperature\":" + (360 + random.nextInt(30)) / 10.0);
			residents.add("{" + String.join(",", fields) + "}");
		}
		return "[" + String.join(",", residents) + "]";
	}

	private static void maybe(Random random, List<String> fields, String field) {
		if (random.nextInt(4) > 0) {
			fields.add(field);
		}
	}

}

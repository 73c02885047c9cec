import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Screening ingestion through the batch API, measured from a second process on this machine:
 * posts batches of covered visits (every registered resident present with a temperature,
 * about 2 % of them at 37.5 °C) to a running Huoxian and prints visits per second, then how
 * long after the last batch the performance record still needed to take every visit in.
 *
 * <pre>
 * java bench/ScreeningIngest.java http://localhost:8080 huoxian_bench 130900 130982 60000 4 500
 * </pre>
 * Arguments: base URL, PostgreSQL database (households and residents are read with psql), the
 * campaign's root region (opened as admin; give an existing campaign's id with {@code campaign:N}),
 * the county whose households are visited, number of households, concurrent connections, and
 * optionally visits per batch (default 1,000). Run it against a generated demo city only.
 */
public class ScreeningIngest {

	public static void main(String[] args) throws Exception {
		String base = args[0];
		String db = args[1];
		String root = args[2];
		String county = args[3];
		int households = Integer.parseInt(args[4]);
		int threads = Integer.parseInt(args[5]);
		int batchSize = args.length > 6 ? Integer.parseInt(args[6]) : 1000;
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
		String token = field(post(http, base + "/api/v1/auth/token", null,
				"{\"username\":\"admin\",\"password\":\"Huoxian@2020\"}"), "token");
		LocalDate today = LocalDate.now();
		String campaign = root.startsWith("campaign:") ? root.substring(9)
				: field(post(http, base + "/api/v1/screening/campaigns", token,
						"{\"name\":\"ingest bench\",\"rootRegion\":\"" + root + "\",\"startsOn\":\""
								+ today.minusDays(1) + "\",\"endsOn\":\"" + today.plusDays(1) + "\"}"),
						"id");
		List<String> batches = batches(db, county, households, batchSize);
		AtomicInteger next = new AtomicInteger();
		AtomicLong accepted = new AtomicLong();
		long start = System.nanoTime();
		List<Thread> workers = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			Thread worker = new Thread(() -> {
				for (int i = next.getAndIncrement(); i < batches.size(); i = next.getAndIncrement()) {
					String answer = post(http, base + "/api/v1/screening/campaigns/" + campaign + "/visits", token,
							batches.get(i));
					long total = accepted.addAndGet(Long.parseLong(field(answer, "accepted")));
					// the rate's course (a new JVM's warm-up shows here), on stderr
					System.err.printf("%.2f s %d%n", (System.nanoTime() - start) / 1e9, total);
				}
			});
			worker.start();
			workers.add(worker);
		}
		for (Thread worker : workers) {
			worker.join();
		}
		long end = System.nanoTime();
		double seconds = (end - start) / 1e9;
		double behind = recordBehind(http, base, token, end);
		System.out.printf("{\"campaign\":%s,\"visits\":%d,\"batches\":%d,\"batchSize\":%d,\"threads\":%d,\"seconds\":%.2f,\"visitsPerSecond\":%d,\"recordBehindSeconds\":%.2f}%n",
				campaign, accepted.get(), batches.size(), batchSize, threads, seconds,
				Math.round(accepted.get() / seconds), behind);
	}

	/**
	 * Seconds from the last batch's answer until the record's inbox was empty (every
	 * visit's entry in), polled every 50 ms; -1 when it did not empty within 5 minutes.
	 */
	private static double recordBehind(HttpClient http, String base, String token, long end) throws Exception {
		while (System.nanoTime() - end < 300e9) {
			HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/record/inbox"))
				.header("Authorization", "Bearer " + token)
				.build();
			String status = http.send(request, HttpResponse.BodyHandlers.ofString()).body();
			if ("0".equals(field(status, "rows"))) {
				return (System.nanoTime() - end) / 1e9;
			}
			Thread.sleep(50);
		}
		return -1;
	}

	/** One JSON array of {@code size} visits per batch, built before the clock starts. */
	private static List<String> batches(String db, String county, int limit, int size) throws Exception {
		Process psql = new ProcessBuilder("psql", "-U", "postgres", "-h", "127.0.0.1", "-d", db, "-AtF", "\t", "-c",
				"select h.id, string_agg(p.id::text, ',') from household h join person p on p.household_id = h.id "
						+ "where h.path like '/130900/" + county + "/%' group by h.id order by h.id limit " + limit)
			.redirectErrorStream(true)
			.start();
		List<String> lines = new String(psql.getInputStream().readAllBytes()).lines().toList();
		Random random = new Random(7);
		String at = OffsetDateTime.now().minusMinutes(10).toString();
		List<String> batches = new ArrayList<>();
		StringBuilder batch = new StringBuilder("[");
		int inBatch = 0;
		for (String line : lines) {
			String[] parts = line.split("\t");
			if (parts.length != 2) {
				continue;
			}
			if (inBatch > 0) {
				batch.append(',');
			}
			batch.append("{\"visitId\":\"").append(UUID.randomUUID()).append("\",\"householdId\":").append(parts[0])
				.append(",\"visitedAt\":\"").append(at).append("\",\"outcome\":\"COVERED\",\"residents\":[");
			String[] people = parts[1].split(",");
			for (int p = 0; p < people.length; p++) {
				batch.append(p == 0 ? "" : ",").append("{\"personId\":").append(people[p])
					.append(",\"status\":\"PRESENT\",\"temperature\":")
					.append(random.nextInt(50) == 0 ? "37.5" : "36.5").append('}');
			}
			batch.append("]}");
			if (++inBatch == size) {
				batches.add(batch.append(']').toString());
				batch = new StringBuilder("[");
				inBatch = 0;
			}
		}
		if (inBatch > 0) {
			batches.add(batch.append(']').toString());
		}
		return batches;
	}

	private static String post(HttpClient http, String url, String token, String body) {
		try {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
				.timeout(Duration.ofMinutes(5))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body));
			if (token != null) {
				request.header("Authorization", "Bearer " + token);
			}
			HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() >= 300) {
				throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
			}
			return response.body();
		}
		catch (Exception ex) {
			throw new RuntimeException(ex);
		}
	}

	private static String field(String json, String name) {
		Matcher m = Pattern.compile("\"" + name + "\":\"?([^\",}]+)").matcher(json);
		if (!m.find()) {
			throw new IllegalStateException("no " + name + " in " + json);
		}
		return m.group(1);
	}

}

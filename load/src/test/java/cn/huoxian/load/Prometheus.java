package cn.huoxian.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The few series the report needs, read from Prometheus' text format. */
final class Prometheus {

	private static final Pattern LABEL = Pattern.compile("(\\w+)=\"((?:[^\"\\\\]|\\\\.)*)\"");

	record Series(String name, Map<String, String> labels, double value) {
	}

	private final List<Series> series;

	private Prometheus(List<Series> series) {
		this.series = series;
	}

	static Prometheus parse(String text) {
		List<Series> series = new ArrayList<>();
		for (String line : text.split("\n")) {
			if (line.isBlank() || line.startsWith("#")) {
				continue;
			}
			int brace = line.indexOf('{');
			int space = brace >= 0 ? line.indexOf(' ', line.lastIndexOf('}')) : line.indexOf(' ');
			String name = line.substring(0, brace >= 0 ? brace : space);
			Map<String, String> labels = new TreeMap<>();
			if (brace >= 0) {
				Matcher label = LABEL.matcher(line.substring(brace, line.lastIndexOf('}')));
				while (label.find()) {
					labels.put(label.group(1), label.group(2));
				}
			}
			String value = line.substring(space + 1).trim().split(" ")[0];
			try {
				series.add(new Series(name, labels, Double.parseDouble(value)));
			}
			catch (NumberFormatException ex) {
				// +Inf and the like: not a series the report reads
			}
		}
		return new Prometheus(series);
	}

	/** The sum over every series of that name (0 when there is none). */
	double sum(String name) {
		return series.stream().filter(s -> s.name().equals(name)).mapToDouble(Series::value).sum();
	}

	/** The sum over the series of that name whose label has that value. */
	double sum(String name, String label, String value) {
		return series.stream()
			.filter(s -> s.name().equals(name) && value.equals(s.labels().get(label)))
			.mapToDouble(Series::value)
			.sum();
	}

	/**
	 * The sum over the series of that name whose label does not start with the prefix.
	 */
	double sumExcept(String name, String label, String prefix) {
		return series.stream()
			.filter(s -> s.name().equals(name) && !s.labels().getOrDefault(label, "").startsWith(prefix))
			.mapToDouble(Series::value)
			.sum();
	}

}

package cn.huoxian.shared;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.annotation.Nullable;

/**
 * A materialised region path such as {@code /130900/130902/130902001000/}: the codes of
 * every ancestor from the city down, each closed by a slash. "Everything under X" is
 * {@code path LIKE 'X%'} ({@link DataScope#under}). In JSON it is its string.
 */
public record RegionPath(@JsonValue String value) {

	public RegionPath {
		if (value == null || !value.startsWith("/") || !value.endsWith("/") || value.length() < 3) {
			throw new IllegalArgumentException("not a region path: " + value);
		}
	}

	/**
	 * The path in a column or a JSON string, or null for null: where a path comes out of
	 * the database or a request.
	 */
	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	public static @Nullable RegionPath of(@Nullable String value) {
		return value == null ? null : new RegionPath(value);
	}

	public static RegionPath root(String code) {
		return new RegionPath("/" + code + "/");
	}

	public RegionPath child(String code) {
		return new RegionPath(value + code + "/");
	}

	/** True when this path is the other path or lies below it. */
	public boolean isWithin(RegionPath other) {
		return value.startsWith(other.value);
	}

	/** The codes from the root down to this region itself. */
	public List<String> codes() {
		List<String> codes = new ArrayList<>();
		for (String part : value.substring(1, value.length() - 1).split("/")) {
			codes.add(part);
		}
		return codes;
	}

	public String code() {
		List<String> codes = codes();
		return codes.get(codes.size() - 1);
	}

	/** The path of the region above, or null for a root. */
	public @Nullable RegionPath parent() {
		int end = value.lastIndexOf('/', value.length() - 2);
		return end <= 0 ? null : new RegionPath(value.substring(0, end + 1));
	}

	/** This path and every path above it, the root first. */
	public List<RegionPath> withAncestors() {
		List<RegionPath> paths = new ArrayList<>();
		for (int end = value.indexOf('/', 1); end > 0; end = value.indexOf('/', end + 1)) {
			paths.add(new RegionPath(value.substring(0, end + 1)));
		}
		return paths;
	}

	public int depth() {
		return codes().size();
	}

	/** The LIKE pattern that matches this region and everything below it. */
	public String subtreePattern() {
		return value + "%";
	}

	@Override
	public String toString() {
		return value;
	}

}

package cn.huoxian.exchange;

import java.util.Arrays;
import java.util.List;

/**
 * What is wrong, as a message key under {@code exchange.error.} and its arguments, for
 * any language.
 */
public record Reason(String key, List<String> args) {

	public Reason {
		args = List.copyOf(args);
	}

	static Reason of(String key, Object... args) {
		return new Reason(key, Arrays.stream(args).map(String::valueOf).toList());
	}

	/** The arguments as an array for {@code MessageSource}. */
	public Object[] argArray() {
		return args.toArray();
	}

}

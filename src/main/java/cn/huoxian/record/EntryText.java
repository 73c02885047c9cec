package cn.huoxian.record;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import cn.huoxian.shared.Messages;

/**
 * What an entry of the record says, kept in no language: a message key
 * ({@code record.entry.…}) and its arguments — the source's own words (an address, a
 * post, a work log's text) or, marked with {@link #label}, a message key of their own (a
 * channel, an accountability's kind) — rendered in the reader's language when read.
 * <p>
 * Stored in {@code record_entry.summary} as the key followed by each argument, separated
 * by U+001F; a label argument starts with U+001E. Text stored otherwise (rows from before
 * V28 that the migration did not recognise) reads as it was written.
 */
public record EntryText(String key, List<String> args) {

	static final char SEPARATOR = '\u001F';

	static final char LABEL = '\u001E';

	static final String PREFIX = "record.entry.";

	/** The key of a text stored as plain words. */
	static final String PLAIN = PREFIX + "text";

	/** What a stored key looks like (compiled once: every entry read is decoded). */
	private static final java.util.regex.Pattern KEY = java.util.regex.Pattern.compile("[A-Za-z0-9_.]+");

	/** The column's size. */
	private static final int MAX_LENGTH = 500;

	public EntryText {
		args = List.copyOf(args);
	}

	/**
	 * The entry text {@code record.entry.<kind>.<variant>} ({@code record.entry.<kind>}
	 * when the variant is null) with these arguments: the source's words (strings) or
	 * {@link #label}s.
	 */
	public static EntryText variant(EntryKind kind, String variant, Object... args) {
		String key = PREFIX + kind.name() + (variant == null ? "" : "." + variant);
		return new EntryText(key, Arrays.stream(args).map(EntryText::argument).toList());
	}

	/** The entry text {@code record.entry.<kind>} with these arguments. */
	public static EntryText of(EntryKind kind, Object... args) {
		return variant(kind, null, args);
	}

	/** An argument that is itself a message key, rendered in the reader's language. */
	public static Label label(String messageKey) {
		return new Label(messageKey);
	}

	/** A message key as an argument. */
	public record Label(String messageKey) {
	}

	/**
	 * A label as stored; the source's own words without the separators, so they are never
	 * taken for a label or split.
	 */
	private static String argument(Object arg) {
		if (arg instanceof Label label) {
			return LABEL + label.messageKey();
		}
		return arg == null ? "" : arg.toString().replace(SEPARATOR, ' ').replace(LABEL, ' ');
	}

	/**
	 * The stored form, shortened to the column's size by shortening the last argument.
	 */
	String encoded() {
		StringBuilder stored = new StringBuilder(key);
		for (String arg : args) {
			stored.append(SEPARATOR).append(arg);
		}
		if (stored.length() > MAX_LENGTH) {
			stored.setLength(MAX_LENGTH - 1);
			stored.append('…');
		}
		return stored.toString();
	}

	/** The text as stored; plain words when it is not a key and its arguments. */
	static EntryText decode(String stored) {
		if (stored == null) {
			return new EntryText(PLAIN, List.of(""));
		}
		int end = stored.indexOf(SEPARATOR);
		String key = end < 0 ? stored : stored.substring(0, end);
		if (!key.startsWith(PREFIX) || !KEY.matcher(key).matches()) {
			return new EntryText(PLAIN, List.of(stored));
		}
		List<String> args = new ArrayList<>();
		while (end >= 0) {
			int next = stored.indexOf(SEPARATOR, end + 1);
			args.add(next < 0 ? stored.substring(end + 1) : stored.substring(end + 1, next));
			end = next;
		}
		return new EntryText(key, args);
	}

	/** Rendered in the current request's language. */
	public String render() {
		return render(Messages.locale());
	}

	/** Rendered in this language; its label arguments too. */
	public String render(Locale locale) {
		Object[] rendered = args.stream()
			.map(a -> !a.isEmpty() && a.charAt(0) == LABEL ? Messages.text(locale, a.substring(1)) : a)
			.toArray();
		return Messages.text(locale, key, rendered);
	}

	/** The stored text rendered in the current request's language. */
	static String rendered(String stored) {
		return decode(stored).render();
	}

}

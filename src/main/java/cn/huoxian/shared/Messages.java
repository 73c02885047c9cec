package cn.huoxian.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeSet;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The words of the product in the caller's language: every bundle under {@code i18n/}
 * ({@code messages} for pages and the error contract, one per module for what its code
 * says), Simplified Chinese by default, {@code _zh_TW} and {@code _en} beside it.
 * Exceptions word their message with {@link #text} when they are thrown, on the request's
 * thread, so the problem detail, the form error and the flash message all read in the
 * language of the person who caused them.
 */
public final class Messages {

	/**
	 * The application's only MessageSource (also the Spring bean, see MessagesConfig).
	 */
	static final ResourceBundleMessageSource SOURCE = newSource();

	private Messages() {
	}

	/**
	 * The message {@code key} in the current request's language, {@code args} put in as
	 * plain text (no digit grouping: an id 30000 stays "30000"). In a message that takes
	 * arguments an apostrophe is written {@code ''}.
	 */
	public static String text(String key, Object... args) {
		return text(locale(), key, args);
	}

	/**
	 * The request's language; Simplified Chinese off a request (jobs, event listeners).
	 */
	public static Locale locale() {
		LocaleContext context = LocaleContextHolder.getLocaleContext();
		Locale locale = context == null ? null : context.getLocale();
		return locale == null ? Locale.SIMPLIFIED_CHINESE : locale;
	}

	public static String text(Locale locale, String key, Object... args) {
		Object[] plain = args == null ? null
				: Arrays.stream(args)
					.map(a -> a == null ? "" : a instanceof String s ? s : String.valueOf(a))
					.toArray();
		return SOURCE.getMessage(key, plain, key, locale);
	}

	public static MessageSource source() {
		return SOURCE;
	}

	private static ResourceBundleMessageSource newSource() {
		ResourceBundleMessageSource source = new ResourceBundleMessageSource();
		source.setBasenames(basenames());
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		return source;
	}

	/**
	 * Every {@code i18n/NAME.properties} on the class path (the default-language files).
	 */
	static String[] basenames() {
		try {
			Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:i18n/*.properties");
			TreeSet<String> names = new TreeSet<>();
			for (Resource file : files) {
				String name = Objects.requireNonNull(file.getFilename());
				if (!name.contains("_")) {
					names.add("i18n/" + name.substring(0, name.length() - ".properties".length()));
				}
			}
			return names.toArray(String[]::new);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

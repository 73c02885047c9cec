package cn.huoxian.shared.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import cn.huoxian.shared.NotFoundException;
import jakarta.annotation.Nullable;
import org.springframework.ui.Model;

/**
 * One choice a picker offers (templates/picker.html): the value the form sends (an id or
 * a code), what a person reads, a second line (unit, region, masked ID number) and, for a
 * region with regions below it, the code to open them with. Its statics are what every
 * module's picker endpoints share.
 */
public record PickOption(String value, String label, String detail, @Nullable String below) {

	/** The most a picker's search offers at once: the words narrow it further. */
	public static final int LIMIT = 20;

	/** The words typed, at most 50 characters: a picker searches names, not texts. */
	public static String words(String q) {
		String words = q.strip();
		return words.length() > 50 ? words.substring(0, 50) : words;
	}

	/**
	 * The chosen values a form sends back (one, or several separated by commas) that the
	 * look-up finds, at most {@link #LIMIT}; a value it answers "not found" for (outside
	 * the caller's scope, or not a number) is left out, never named.
	 */
	public static <T> List<T> found(String values, Function<String, T> lookUp) {
		List<T> found = new ArrayList<>();
		for (String value : Arrays.stream(values.split(",")).map(String::strip).filter(v -> !v.isEmpty()).toList()) {
			try {
				found.add(lookUp.apply(value));
			}
			catch (NotFoundException | NumberFormatException ex) {
				// not one the caller may read: not named
			}
			if (found.size() == LIMIT) {
				break;
			}
		}
		return found;
	}

	/** The search's answer: these choices, or the message {@code emptyKey} when none. */
	public static String offer(Model model, List<PickOption> options, String emptyKey) {
		model.addAttribute("options", options);
		model.addAttribute("empty", emptyKey);
		return "picker :: options";
	}

	/** The chosen values' names, when a form is shown again. */
	public static String name(Model model, List<PickOption> options) {
		model.addAttribute("options", options);
		return "picker :: chosen";
	}

}

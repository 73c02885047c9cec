package cn.huoxian.shared.web;

import jakarta.annotation.Nullable;

/**
 * One choice a picker offers (templates/picker.html): the value the form sends (an id or
 * a code), what a person reads, a second line (unit, region, masked ID number) and, for a
 * region with regions below it, the code to open them with.
 */
public record PickOption(String value, String label, String detail, @Nullable String below) {

	/** The most a picker's search offers at once: the words narrow it further. */
	public static final int LIMIT = 20;

}

package cn.huoxian.shared.web;

import java.text.NumberFormat;

import cn.huoxian.shared.Messages;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/**
 * Counts on pages grouped as the reader's language groups them ({@code 2,572,414}):
 * {@code ${@counts.of(view.region.households)}}. Ids and codes are never counts and stay
 * as they are.
 */
@Component("counts")
public class CountText {

	/** The count grouped for the reader; null for null (so {@code ?: '—'} applies). */
	public @Nullable String of(@Nullable Number count) {
		return count == null ? null : NumberFormat.getIntegerInstance(Messages.locale()).format(count);
	}

}

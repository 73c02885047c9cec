package cn.huoxian.shared;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

/**
 * A ledger (台账) a user downloads as .xlsx, with only what differs from one ledger to the
 * next: its file name and its parts (sheets and rows). What it covers ({@code C}: a
 * region, a round …) the ledger resolves itself, in the user's scope, before anything is
 * sent; {@code shared.web.LedgerDownloads} does the rest the same way for every ledger
 * (headers, one read-only transaction around the cursors, streaming through
 * {@link LedgerSheet}).
 *
 * @param <C> what a download covers
 */
public interface Ledger<C> {

	/** The file's name, e.g. {@code teams-130902-20200201.xlsx} (see {@link #dated}). */
	String filename(C cover);

	/**
	 * The workbook's parts, in order; each writes one sheet (usually through a
	 * {@link LedgerSheet}). They run inside one read-only transaction.
	 */
	List<LedgerSheet.Part> parts(C cover, DataScope scope, Locale locale);

	/**
	 * {@code <kind>-<code>-<yyyymmdd>.xlsx}, dated the business day: the ledgers' usual
	 * file name.
	 */
	static String dated(String kind, String code, Clock clock) {
		return kind + "-" + code + "-" + BusinessDay.today(clock).toString().replace("-", "") + ".xlsx";
	}

}

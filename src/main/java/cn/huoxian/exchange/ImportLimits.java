package cn.huoxian.exchange;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How much one upload may make the server read and hold ({@code huoxian.imports.*}),
 * checked while the file is streamed, before any of it is materialised. docs/API.md
 * explains each. At the defaults one import holds at most about 100 MB (its shared
 * strings) while the file is read.
 *
 * @param concurrent imports read at once; another upload is answered 429
 * @param maxEntries parts (ZIP entries) of an .xlsx
 * @param maxInflatedSize all parts of an .xlsx, unpacked
 * @param maxEntrySize one part of an .xlsx, unpacked
 * @param maxCompressionRatio unpacked size over packed size of one part (past its first
 * megabyte)
 * @param maxCellSize the longest stretch of XML text or one tag with its attributes (a
 * cell, in practice), and the longest CSV field in characters; Excel's own cell limit is
 * 32,767 characters, at most 8 bytes each as XML character references
 * @param maxRowSize one row of a sheet or one shared string in XML bytes, one CSV line in
 * characters
 * @param maxColumns cells in one row, and the last column a cell may name (XFD = 16,384,
 * Excel's own limit)
 * @param maxSharedStrings entries of the shared strings table (read whole by the reader)
 * @param maxSharedStringsSize XML bytes of those entries together
 */
@ConfigurationProperties("huoxian.imports")
record ImportLimits(@DefaultValue("2") int concurrent, @DefaultValue("1000") int maxEntries,
		@DefaultValue("512MB") DataSize maxInflatedSize, @DefaultValue("256MB") DataSize maxEntrySize,
		@DefaultValue("100") int maxCompressionRatio, @DefaultValue("1MB") DataSize maxCellSize,
		@DefaultValue("4MB") DataSize maxRowSize, @DefaultValue("16384") int maxColumns,
		@DefaultValue("1000000") int maxSharedStrings, @DefaultValue("32MB") DataSize maxSharedStringsSize) {

	/** The defaults, for readers opened without settings (tests). */
	static final ImportLimits DEFAULTS = new ImportLimits(2, 1000, DataSize.ofMegabytes(512), DataSize.ofMegabytes(256),
			100, DataSize.ofMegabytes(1), DataSize.ofMegabytes(4), 16384, 1_000_000, DataSize.ofMegabytes(32));

	/** A size as messages show it: 512 MB, 4 KB, 100 B. */
	static String words(long bytes) {
		long kilobyte = 1024;
		long megabyte = kilobyte * kilobyte;
		if (bytes >= megabyte && bytes % megabyte == 0) {
			return bytes / megabyte + " MB";
		}
		if (bytes >= kilobyte && bytes % kilobyte == 0) {
			return bytes / kilobyte + " KB";
		}
		return bytes + " B";
	}

}

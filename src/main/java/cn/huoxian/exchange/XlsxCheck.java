package cn.huoxian.exchange;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Collections;
import java.util.zip.ZipEntry;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Unpacks every part of an .xlsx once, as a stream, before the spreadsheet reader opens
 * it: refuses a ZIP with too many parts, parts that unpack to too much (in all, each, or
 * compared with their packed size), and XML the reader would hold too much of
 * ({@link XmlScanner}). The parts are read with the ZIP reader the spreadsheet reader
 * uses, so what is checked is what it will read.
 */
final class XlsxCheck {

	/** The compression ratio is judged once a part has unpacked this much. */
	static final long RATIO_GRACE = 1L << 20;

	private final ImportLimits limits;

	private long total;

	private XlsxCheck(ImportLimits limits) {
		this.limits = limits;
	}

	/** Throws {@link FileProblem} naming the first limit the file exceeds. */
	static void check(Path file, ImportLimits limits) throws IOException {
		countEntries(file.toFile(), limits.maxEntries());
		XlsxCheck check = new XlsxCheck(limits);
		try (ZipFile zip = ZipFile.builder().setFile(file.toFile()).get()) {
			for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
				check.entry(zip, entry);
			}
		}
		catch (FileProblem ex) {
			throw ex;
		}
		catch (IOException | RuntimeException ex) {
			throw new FileProblem("exchange.error.file.unreadable");
		}
	}

	/**
	 * The JDK's reader keeps the central directory as one array; the entries of the
	 * spreadsheet reader's are objects, so they are counted first.
	 */
	private static void countEntries(File file, int max) {
		int count;
		try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file)) {
			count = zip.size();
		}
		catch (IOException | RuntimeException ex) {
			throw new FileProblem("exchange.error.file.unreadable");
		}
		if (count > max) {
			throw new FileProblem("exchange.error.file.limit.entries", max);
		}
	}

	private void entry(ZipFile zip, ZipArchiveEntry entry) throws IOException {
		if (entry.getMethod() != ZipEntry.STORED && entry.getMethod() != ZipEntry.DEFLATED
				|| !zip.canReadEntryData(entry)) {
			throw new FileProblem("exchange.error.file.limit.method");
		}
		long maxEntry = limits.maxEntrySize().toBytes();
		long maxTotal = limits.maxInflatedSize().toBytes();
		long maxUnpacked = Math.max(1, entry.getCompressedSize()) * limits.maxCompressionRatio();
		XmlScanner xml = new XmlScanner(limits);
		long size = 0;
		byte[] buffer = new byte[1 << 16];
		try (InputStream in = zip.getInputStream(entry)) {
			for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
				size += read;
				total += read;
				if (size > maxEntry) {
					throw XmlScanner.refused("entry", maxEntry);
				}
				if (total > maxTotal) {
					throw XmlScanner.refused("inflated", maxTotal);
				}
				if (size > RATIO_GRACE && size > maxUnpacked) {
					throw new FileProblem("exchange.error.file.limit.ratio", limits.maxCompressionRatio());
				}
				// every part: the content types, not the name, say which part is what
				xml.accept(buffer, 0, read);
			}
		}
	}

}

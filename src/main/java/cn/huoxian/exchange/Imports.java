package cn.huoxian.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

import cn.huoxian.org.Households;
import cn.huoxian.org.PartyOrganisations;
import cn.huoxian.org.Regions;
import cn.huoxian.people.People;
import cn.huoxian.screening.CampaignView;
import cn.huoxian.screening.Campaigns;
import cn.huoxian.screening.Visits;
import cn.huoxian.shared.BusinessDay;
import cn.huoxian.shared.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.InputStreamSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a registry file all or nothing: a first streaming pass checks every row (rules,
 * earlier rows, the database, the user's scope); only when no row has an error does a
 * second pass write them all in one transaction, which rolls back if any write fails.
 */
@Service
public class Imports {

	/**
	 * Rows checked and written together (one query per chunk for lookups, one JDBC batch
	 * for inserts).
	 */
	static final int CHUNK = 500;

	private static final Logger log = LoggerFactory.getLogger(Imports.class);

	private final Regions regions;

	private final Households households;

	private final People people;

	private final PartyOrganisations organisations;

	private final Campaigns campaigns;

	private final Visits visits;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final int maxRows;

	private final ImportLimits limits;

	/** Imports being read: each may hold its file's shared strings in memory. */
	private final Semaphore inFlight;

	Imports(Regions regions, Households households, People people, PartyOrganisations organisations,
			Campaigns campaigns, Visits visits, PlatformTransactionManager transactions, Clock clock,
			ExchangeSettings settings, ImportLimits limits) {
		this.regions = regions;
		this.households = households;
		this.people = people;
		this.organisations = organisations;
		this.campaigns = campaigns;
		this.visits = visits;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
		this.maxRows = settings.maxRows();
		this.limits = limits;
		this.inFlight = new Semaphore(limits.concurrent());
	}

	/** The most data rows one file may hold. */
	public int maxRows() {
		return maxRows;
	}

	/**
	 * Imports an uploaded .xlsx or .csv; 403 when the role may not edit this kind at all.
	 */
	public ImportResult importFile(ImportKind kind, String filename, InputStreamSource content, CurrentUser user) {
		kind.requireRole(user);
		return importFile(kind, filename, content, rowImport(kind, user), user);
	}

	/**
	 * Imports the visits of a campaign from an uploaded .xlsx or .csv, all or nothing;
	 * 403 when the role may not edit people, 404 for a campaign outside the user's scope.
	 */
	public ImportResult importVisits(long campaignId, String filename, InputStreamSource content, CurrentUser user) {
		ImportKind.VISITS.requireRole(user);
		CampaignView campaign = campaigns.find(campaignId, user.scope());
		return importFile(ImportKind.VISITS, filename, content, new VisitImport(households, visits, campaign, user),
				user);
	}

	/**
	 * The same with a given row import (tests make one whose write fails); throws
	 * {@link ImportsBusyException} when as many imports as allowed are being read.
	 */
	ImportResult importFile(ImportKind kind, String filename, InputStreamSource content, RowImport rows,
			CurrentUser user) {
		if (!inFlight.tryAcquire()) {
			log.info("{} import by {} refused: {} imports in flight", kind.path(), user.username(),
					limits.concurrent());
			throw new ImportsBusyException();
		}
		try {
			return copyAndImport(kind, filename, content, rows, user);
		}
		finally {
			inFlight.release();
		}
	}

	private ImportResult copyAndImport(ImportKind kind, String filename, InputStreamSource content, RowImport rows,
			CurrentUser user) {
		Path copy = null;
		try {
			// a private copy: the file is read twice, and .xlsx wants random access
			copy = Files.createTempFile("huoxian-import-", ".upload");
			try (InputStream in = content.getInputStream()) {
				Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
			}
			return importCopy(kind, copy, filename, rows, user);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			deleteQuietly(copy);
		}
	}

	private ImportResult importCopy(ImportKind kind, Path file, String filename, RowImport rows, CurrentUser user)
			throws IOException {
		try {
			RowErrors errors = new RowErrors();
			int count = pass(kind, file, filename, errors, chunk -> rows.check(chunk));
			if (errors.count() == 0) {
				rows.checked();
			}
			if (errors.count() > 0) {
				return ImportResult.rejected(errors);
			}
			return transaction.execute(status -> write(kind, file, filename, rows, count));
		}
		catch (FileProblem ex) {
			return ImportResult.rejected(ex.reason());
		}
		catch (WriteRefused ex) {
			return ImportResult.rejected(ex.errors);
		}
		catch (org.springframework.dao.DataAccessException | org.jooq.exception.DataAccessException ex) {
			log.warn("{} import by {} rolled back: {}", kind.path(), user.username(), ex.getMessage());
			return ImportResult.rejected(Reason.of("exchange.error.file.writeFailed"));
		}
	}

	private ImportResult write(ImportKind kind, Path file, String filename, RowImport rows, int count) {
		if (rows.rereads()) {
			writePass(kind, file, filename, rows);
		}
		rows.written();
		return rows.result(count);
	}

	private void writePass(ImportKind kind, Path file, String filename, RowImport rows) {
		RowErrors errors = new RowErrors();
		try {
			pass(kind, file, filename, errors, chunk -> {
				rows.write(chunk);
				if (errors.count() > 0) {
					throw new WriteRefused(errors);
				}
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private RowImport rowImport(ImportKind kind, CurrentUser user) {
		return switch (kind) {
			case REGIONS -> new RegionImport(regions, user);
			case HOUSEHOLDS -> new HouseholdImport(regions, households, user);
			case RESIDENTS ->
				new ResidentImport(regions, households, people, organisations, user, BusinessDay.today(clock));
			case VISITS -> throw new IllegalArgumentException("visits import into a campaign: use importVisits");
		};
	}

	/**
	 * Reads the file once, handing each chunk of rows on; answers the number of data
	 * rows.
	 */
	private int pass(ImportKind kind, Path file, String filename, RowErrors errors, Consumer<List<ImportRow>> each)
			throws IOException {
		int count = 0;
		try (TableReader reader = TableReader.open(file, filename, maxRows, limits)) {
			Header header = Header.read(kind, reader.header(), errors);
			if (errors.count() > 0) {
				return 0;
			}
			List<ImportRow> chunk = new ArrayList<>(CHUNK);
			for (SourceRow row = reader.next(); row != null; row = reader.next()) {
				chunk.add(new ImportRow(row, header, errors));
				count++;
				if (chunk.size() == CHUNK) {
					each.accept(chunk);
					chunk = new ArrayList<>(CHUNK);
				}
			}
			if (!chunk.isEmpty()) {
				each.accept(chunk);
			}
		}
		if (count == 0) {
			throw new FileProblem("exchange.error.file.noRows");
		}
		return count;
	}

	private static void deleteQuietly(Path file) {
		try {
			if (file != null) {
				Files.deleteIfExists(file);
			}
		}
		catch (IOException ex) {
			log.warn("could not delete {}: {}", file, ex.getMessage());
		}
	}

	/**
	 * A write met a row the database (or the service writing it) does not accept: rolls
	 * the transaction back.
	 */
	static final class WriteRefused extends RuntimeException {

		private final transient RowErrors errors;

		WriteRefused(RowErrors errors) {
			super("import refused while writing", null, false, false);
			this.errors = errors;
		}

	}

}

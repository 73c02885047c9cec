package cn.huoxian.screening;

import static cn.huoxian.db.Tables.SCREENING_CAMPAIGN;

import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * Visit batches of a campaign write together; a recount runs alone. A recount reads the
 * campaign's visits, household states and counters in several statements and writes
 * absolute values back: a batch committing in between was half read and then overwritten
 * (a recount during ingestion "repaired" 40 states and 14 counters that were right, and
 * left them wrong). Both locks last until the transaction ends.
 * <p>
 * On PostgreSQL an advisory lock (shared for batches, exclusive for a recount), held in
 * memory, not in the campaign's row. H2 has no shared lock: there batches and recounts
 * lock the campaign's row and take turns, which the embedded database's single user does
 * not notice.
 */
final class CampaignLocks {

	// the advisory lock's first key: screening campaigns; the second is the campaign's id
	// folded to an int (ids past 2^31 may share a lock, which only makes one wait)
	private static final int CAMPAIGNS = 0x5C4EE;

	private CampaignLocks() {
	}

	/**
	 * Taken by each visit batch before it reads or changes the campaign's states and
	 * counters.
	 */
	static void forBatch(DSLContext db, long campaignId) {
		lock(db, campaignId, "pg_advisory_xact_lock_shared");
	}

	/**
	 * Taken by a recount: waits for the batches under way and holds new ones until it
	 * ends.
	 */
	static void forRecount(DSLContext db, long campaignId) {
		lock(db, campaignId, "pg_advisory_xact_lock");
	}

	private static void lock(DSLContext db, long campaignId, String function) {
		if (db.dialect().family() == SQLDialect.POSTGRES) {
			db.select(DSL.function(function, Object.class, DSL.inline(CAMPAIGNS), DSL.val(Long.hashCode(campaignId))))
				.fetch();
		}
		else {
			db.select(SCREENING_CAMPAIGN.ID)
				.from(SCREENING_CAMPAIGN)
				.where(SCREENING_CAMPAIGN.ID.eq(campaignId))
				.forUpdate()
				.fetch();
		}
	}

}

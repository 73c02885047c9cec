package cn.huoxian.householdlink;

import static cn.huoxian.db.Tables.HOUSEHOLD_LINK;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import cn.huoxian.shared.bulk.BulkInsert;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;

/**
 * 1+10 links written in bulk (the demo network), in the caller's transaction and without
 * the limit's checks: the caller gives at most {@value HouseholdLinks#LIMIT} households
 * per party member of their own community.
 */
@Service
public class HouseholdLinkBulkLoad {

	private final DSLContext db;

	HouseholdLinkBulkLoad(DSLContext db) {
		this.db = db;
	}

	public record NewLink(long householdId, long partyMemberId, String path, LocalDate linkedOn, String createdBy) {
	}

	/** Writes the links in the given order; the rows written by table. */
	public Map<String, Long> load(List<NewLink> links) {
		try (BulkInsert insert = new BulkInsert(db, HOUSEHOLD_LINK, HOUSEHOLD_LINK.HOUSEHOLD_ID,
				HOUSEHOLD_LINK.PARTY_MEMBER_ID, HOUSEHOLD_LINK.PATH, HOUSEHOLD_LINK.LINKED_ON,
				HOUSEHOLD_LINK.CREATED_BY)) {
			for (NewLink link : links) {
				insert.add(link.householdId(), link.partyMemberId(), link.path(), link.linkedOn(), link.createdBy());
			}
			insert.flush();
			return BulkInsert.written(insert);
		}
	}

}

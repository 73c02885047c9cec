package cn.huoxian.firstsecretary;

import static cn.huoxian.db.Tables.FIRST_SECRETARY_LOG;
import static cn.huoxian.db.Tables.FIRST_SECRETARY_RETURN;
import static cn.huoxian.db.Tables.SUPPORT_REQUEST;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import cn.huoxian.shared.bulk.BulkInsert;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;

/**
 * First secretaries' returns, work log and support requests written in bulk (the demo
 * network), in the caller's transaction, without checks or events: the caller rebuilds
 * the record afterwards.
 */
@Service
public class FirstSecretaryBulkLoad {

	private final DSLContext db;

	FirstSecretaryBulkLoad(DSLContext db) {
		this.db = db;
	}

	public record NewReturn(long personId, long villageId, String path, long dispatchingUnitId, LocalDate returnedOn,
			String recordedBy) {
	}

	public record NewLogEntry(long personId, String path, LocalDate businessDay, String entry, String recordedBy) {
	}

	/** A support request, open or resolved (then with its resolution, who and when). */
	public record NewSupportRequest(long personId, long dispatchingUnitId, String path, SupportKind kind,
			String description, boolean resolved, String resolution, String raisedBy, String resolvedBy,
			OffsetDateTime resolvedAt) {
	}

	/** Writes the rows of each list in its order; the rows written by table. */
	public Map<String, Long> load(List<NewReturn> returns, List<NewLogEntry> log, List<NewSupportRequest> requests) {
		try (BulkInsert back = new BulkInsert(db, FIRST_SECRETARY_RETURN, FIRST_SECRETARY_RETURN.PERSON_ID,
				FIRST_SECRETARY_RETURN.VILLAGE_ID, FIRST_SECRETARY_RETURN.PATH,
				FIRST_SECRETARY_RETURN.DISPATCHING_UNIT_ID, FIRST_SECRETARY_RETURN.RETURNED_ON,
				FIRST_SECRETARY_RETURN.RECORDED_BY);
				BulkInsert entries = new BulkInsert(db, FIRST_SECRETARY_LOG, FIRST_SECRETARY_LOG.PERSON_ID,
						FIRST_SECRETARY_LOG.PATH, FIRST_SECRETARY_LOG.BUSINESS_DAY, FIRST_SECRETARY_LOG.ENTRY,
						FIRST_SECRETARY_LOG.RECORDED_BY);
				BulkInsert support = new BulkInsert(db, SUPPORT_REQUEST, SUPPORT_REQUEST.PERSON_ID,
						SUPPORT_REQUEST.DISPATCHING_UNIT_ID, SUPPORT_REQUEST.PATH, SUPPORT_REQUEST.KIND,
						SUPPORT_REQUEST.DESCRIPTION, SUPPORT_REQUEST.STATUS, SUPPORT_REQUEST.RESOLUTION,
						SUPPORT_REQUEST.RAISED_BY, SUPPORT_REQUEST.RESOLVED_BY, SUPPORT_REQUEST.RESOLVED_AT)) {
			for (NewReturn r : returns) {
				back.add(r.personId(), r.villageId(), r.path(), r.dispatchingUnitId(), r.returnedOn(), r.recordedBy());
			}
			for (NewLogEntry e : log) {
				entries.add(e.personId(), e.path(), e.businessDay(), e.entry(), e.recordedBy());
			}
			for (NewSupportRequest s : requests) {
				support.add(s.personId(), s.dispatchingUnitId(), s.path(), s.kind().name(), s.description(),
						s.resolved() ? "RESOLVED" : "OPEN", s.resolution(), s.raisedBy(), s.resolvedBy(),
						s.resolvedAt());
			}
			back.flush();
			entries.flush();
			support.flush();
			return BulkInsert.written(back, entries, support);
		}
	}

}

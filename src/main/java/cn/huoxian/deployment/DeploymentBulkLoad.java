package cn.huoxian.deployment;

import static cn.huoxian.db.Tables.DEPLOYMENT;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import cn.huoxian.people.CadreRank;
import cn.huoxian.shared.bulk.BulkInsert;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;

/**
 * Cadres' positions written in bulk (the demo network: one position for every cadre of
 * the city), in the caller's transaction and without checks or events: the caller gives
 * consistent rows and rebuilds the tally and the record afterwards.
 */
@Service
public class DeploymentBulkLoad {

	private final DSLContext db;

	DeploymentBulkLoad(DSLContext db) {
		this.db = db;
	}

	/** A current position held by the cadre themselves. */
	public record NewDeployment(long personId, boolean leadingCadre, CadreRank rank, PostKind kind, long regionId,
			String path, String post, String duty, LocalDate startDate, String createdBy) {
	}

	/** Writes the positions in the given order; the rows written by table. */
	public Map<String, Long> load(List<NewDeployment> deployments) {
		try (BulkInsert insert = new BulkInsert(db, DEPLOYMENT, DEPLOYMENT.PERSON_ID, DEPLOYMENT.HOLDER_ID,
				DEPLOYMENT.LEADING_CADRE, DEPLOYMENT.CADRE_RANK, DEPLOYMENT.POST_KIND, DEPLOYMENT.REGION_ID,
				DEPLOYMENT.PATH, DEPLOYMENT.POST, DEPLOYMENT.DUTY, DEPLOYMENT.START_DATE, DEPLOYMENT.CREATED_BY)) {
			for (NewDeployment d : deployments) {
				insert.add(d.personId(), d.personId(), d.leadingCadre(), d.rank() == null ? null : d.rank().name(),
						d.kind().name(), d.regionId(), d.path(), d.post(), d.duty(), d.startDate(), d.createdBy());
			}
			insert.flush();
			return BulkInsert.written(insert);
		}
	}

}

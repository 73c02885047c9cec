package cn.huoxian.deployment;

import static cn.huoxian.db.Tables.DEPLOYMENT;
import static cn.huoxian.db.Tables.REGION;

import java.util.List;
import java.util.function.Consumer;

import cn.huoxian.record.Entry;
import cn.huoxian.record.EntryKind;
import cn.huoxian.record.RecordInbox;
import cn.huoxian.record.TableSource;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What cadres' positions contribute to the performance record: positions taken and ended;
 * the record reads them through this bean.
 */
final class DeploymentRecordSources {

	private DeploymentRecordSources() {
	}

	/** 到岗 / 离岗, from {@code deployment}. */
	@Component
	static class Positions extends TableSource {

		Positions(DSLContext db, RecordInbox inbox) {
			super(db, inbox, "DEPLOYMENT");
		}

		@EventListener
		void on(Events.DeploymentStarted event) {
			queue(event.deploymentId());
		}

		@EventListener
		void on(Events.DeploymentEnded event) {
			queue(event.deploymentId());
		}

		@Override
		protected Condition rows(List<String> keys) {
			return ids(DEPLOYMENT.ID, keys);
		}

		@Override
		protected void entries(Condition which, Consumer<Entry> entries) {
			each(db
				.select(DEPLOYMENT.ID, DEPLOYMENT.PERSON_ID, DEPLOYMENT.POST, DEPLOYMENT.DUTY, DEPLOYMENT.PATH,
						DEPLOYMENT.START_DATE, DEPLOYMENT.END_DATE, DEPLOYMENT.HOLDER_ID, DEPLOYMENT.END_REASON,
						REGION.NAME)
				.from(DEPLOYMENT)
				.join(REGION)
				.on(REGION.ID.eq(DEPLOYMENT.REGION_ID))
				.where(which), r -> {
					String where = r.get(DEPLOYMENT.POST) != null ? r.get(DEPLOYMENT.POST) : r.get(REGION.NAME);
					String id = String.valueOf(r.get(DEPLOYMENT.ID));
					entries.accept(new Entry(r.get(DEPLOYMENT.PERSON_ID), EntryKind.DEPLOYMENT_STARTED,
							startOf(r.get(DEPLOYMENT.START_DATE)), with("到岗：" + where, r.get(DEPLOYMENT.DUTY)), type(),
							id, r.get(DEPLOYMENT.PATH)));
					if (r.get(DEPLOYMENT.END_DATE) != null && r.get(DEPLOYMENT.HOLDER_ID) == null) {
						entries.accept(new Entry(r.get(DEPLOYMENT.PERSON_ID), EntryKind.DEPLOYMENT_ENDED,
								startOf(r.get(DEPLOYMENT.END_DATE)), with("离岗：" + where, r.get(DEPLOYMENT.END_REASON)),
								type(), id, r.get(DEPLOYMENT.PATH)));
					}
				});
		}

	}

}

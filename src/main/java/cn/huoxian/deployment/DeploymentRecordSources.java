package cn.huoxian.deployment;

import static cn.huoxian.db.Tables.DEPLOYMENT;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.function.Consumer;

import cn.huoxian.db.tables.records.DeploymentRecord;
import cn.huoxian.org.Regions;
import cn.huoxian.record.Entry;
import cn.huoxian.record.EntryKind;
import cn.huoxian.record.RecordInbox;
import cn.huoxian.record.TableSource;
import cn.huoxian.shared.RegionPath;
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

		/** Rows whose region names are looked up together. */
		private static final int CHUNK = 1000;

		private final Regions regions;

		Positions(DSLContext db, RecordInbox inbox, Regions regions) {
			super(db, inbox, "DEPLOYMENT");
			this.regions = regions;
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
			List<DeploymentRecord> chunk = new ArrayList<>();
			each(db.selectFrom(DEPLOYMENT).where(which), r -> {
				chunk.add(r);
				if (chunk.size() == CHUNK) {
					entries(chunk, entries);
					chunk.clear();
				}
			});
			entries(chunk, entries);
		}

		/** The entries of some rows, with their regions' names in one lookup. */
		private void entries(List<DeploymentRecord> rows, Consumer<Entry> entries) {
			if (rows.isEmpty()) {
				return;
			}
			Map<Long, String> names = regions
				.names(rows.stream().map(DeploymentRecord::getRegionId).collect(Collectors.toSet()));
			for (DeploymentRecord r : rows) {
				String where = r.getPost() != null ? r.getPost() : names.get(r.getRegionId());
				String id = String.valueOf(r.getId());
				entries.accept(new Entry(r.getPersonId(), EntryKind.DEPLOYMENT_STARTED, startOf(r.getStartDate()),
						with(EntryKind.DEPLOYMENT_STARTED, where, r.getDuty()), type(), id,
						RegionPath.of(r.getPath())));
				if (r.getEndDate() != null && r.getHolderId() == null) {
					entries.accept(new Entry(r.getPersonId(), EntryKind.DEPLOYMENT_ENDED, startOf(r.getEndDate()),
							with(EntryKind.DEPLOYMENT_ENDED, where, r.getEndReason()), type(), id,
							RegionPath.of(r.getPath())));
				}
			}
		}

	}

}

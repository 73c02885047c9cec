package cn.huoxian.inspection;

import static cn.huoxian.db.Tables.INSPECTION;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.huoxian.db.tables.records.InspectionRecord;
import cn.huoxian.liaison.GroupInspections;
import cn.huoxian.liaison.LiaisonGroupView;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/** The inspections recorded against liaison groups, for the groups' pages. */
@Component
class LiaisonGroupInspections implements GroupInspections {

	private final DSLContext db;

	private final Names names;

	LiaisonGroupInspections(DSLContext db, Names names) {
		this.db = db;
		this.names = names;
	}

	@Override
	public Map<Long, List<LiaisonGroupView.Inspection>> of(Collection<Long> groupIds) {
		Map<Long, List<LiaisonGroupView.Inspection>> inspections = new LinkedHashMap<>();
		if (groupIds.isEmpty()) {
			return inspections;
		}
		List<InspectionRecord> rows = db.selectFrom(INSPECTION)
			.where(INSPECTION.LIAISON_GROUP_ID.in(groupIds))
			.orderBy(INSPECTION.INSPECTED_ON.desc(), INSPECTION.ID.desc())
			.fetch();
		Names.Batch named = names.of(rows, InspectionRecord::getInspectorId, InspectionRecord::getTargetRegionId,
				InspectionRecord::getTargetUnitId);
		for (InspectionRecord r : rows) {
			inspections.computeIfAbsent(r.getLiaisonGroupId(), k -> new ArrayList<>())
				.add(new LiaisonGroupView.Inspection(r.getId(), r.getInspectedOn(),
						named.targetName(r.getTargetRegionId(), r.getTargetUnitId()), r.getInspectorId(),
						named.person(r.getInspectorId())));
		}
		return inspections;
	}

}

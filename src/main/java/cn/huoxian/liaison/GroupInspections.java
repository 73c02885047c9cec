package cn.huoxian.liaison;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The inspections recorded against liaison groups, answered by the module that owns
 * inspections (it depends on liaison and offers this bean).
 */
public interface GroupInspections {

	/** Each group's inspections, newest first, by group id. */
	Map<Long, List<LiaisonGroupView.Inspection>> of(Collection<Long> groupIds);

}

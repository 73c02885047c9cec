package cn.huoxian.liaison;

import java.time.LocalDate;
import java.util.List;

import cn.huoxian.shared.RegionPath;
import jakarta.annotation.Nullable;

/**
 * A pairing with its five elements: the liaison leader, the work team, the work plan
 * (text and/or file), the ledger (its number of entries) and the responsible person, the
 * completeness, and the community's open and resolved shortages.
 */
public record PairingView(long id, long unitId, String unitCode, String unitName, long communityId,
		String communityCode, String communityName, RegionPath path, LocalDate startedOn,
		@Nullable PairingPerson liaisonLeader, @Nullable PairingPerson responsiblePerson, List<PairingPerson> team,
		@Nullable String workPlan, @Nullable String workPlanFileName, @Nullable String workPlanFileType,
		long ledgerEntries, Completeness completeness, long openShortages, long resolvedShortages) {
}

package cn.huoxian.liaison;

import java.time.LocalDate;
import java.util.List;

import cn.huoxian.shared.RegionPath;

/**
 * A liaison group with its leader, members, communities and the inspections recorded
 * against it (the list views leave the inspections empty).
 */
public record LiaisonGroupView(long id, String name, PairingPerson leader, String regionCode, String regionName,
		RegionPath path, List<PairingPerson> members, List<Community> communities, List<Inspection> inspections) {

	/** A community the group answers for. */
	public record Community(long id, String code, String name, RegionPath path) {
	}

	/** An inspection recorded against the group: date, target and inspector. */
	public record Inspection(long id, LocalDate date, String target, long inspectorId, String inspectorName) {
	}

}

package cn.huoxian.liaison;

import java.util.ArrayList;
import java.util.List;

/**
 * The five elements (五个一) of a pairing: which are present, whether all are, and the names
 * of those missing (LIAISON_LEADER, WORK_TEAM, WORK_PLAN, LEDGER, RESPONSIBLE_PERSON). A
 * community's indicator is its pairing's completeness.
 */
public record Completeness(boolean liaisonLeader, boolean workTeam, boolean workPlan, boolean ledger,
		boolean responsiblePerson, boolean complete, List<String> missing) {

	public static final List<String> ELEMENTS = List.of("LIAISON_LEADER", "WORK_TEAM", "WORK_PLAN", "LEDGER",
			"RESPONSIBLE_PERSON");

	public static Completeness of(boolean liaisonLeader, boolean workTeam, boolean workPlan, boolean ledger,
			boolean responsiblePerson) {
		List<String> missing = new ArrayList<>();
		boolean[] present = { liaisonLeader, workTeam, workPlan, ledger, responsiblePerson };
		for (int i = 0; i < present.length; i++) {
			if (!present[i]) {
				missing.add(ELEMENTS.get(i));
			}
		}
		return new Completeness(liaisonLeader, workTeam, workPlan, ledger, responsiblePerson, missing.isEmpty(),
				List.copyOf(missing));
	}

}

package cn.huoxian.liaison;

/**
 * A partial change of a pairing: only the parts given are changed; a part given as null
 * is cleared. The liaison leader and responsible person are region staff's to set, the
 * work plan's text also the paired unit's.
 */
public record PairingChange(boolean liaisonLeaderGiven, Long liaisonLeaderId, boolean responsiblePersonGiven,
		Long responsiblePersonId, boolean workPlanGiven, String workPlan) {

	public static PairingChange of(java.util.Map<String, Object> body) {
		return new PairingChange(body.containsKey("liaisonLeaderId"), id(body, "liaisonLeaderId"),
				body.containsKey("responsiblePersonId"), id(body, "responsiblePersonId"), body.containsKey("workPlan"),
				body.get("workPlan") == null ? null : body.get("workPlan").toString());
	}

	private static Long id(java.util.Map<String, Object> body, String field) {
		Object value = body.get(field);
		if (value == null || value instanceof String s && s.isBlank()) {
			return null;
		}
		if (value instanceof Number n) {
			return n.longValue();
		}
		try {
			return Long.valueOf(value.toString().strip());
		}
		catch (NumberFormatException ex) {
			throw new cn.huoxian.shared.InvalidInputException(field, "is not a person id: " + value);
		}
	}

}

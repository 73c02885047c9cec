package cn.huoxian.people;

/**
 * A user saw a person's unmasked ID number and phone, for the stated reason (audited by
 * access).
 */
public record SensitiveFieldRevealed(String username, long personId, String personName, String reason) {
}

package cn.huoxian.deployment;

/**
 * A community's shortage raised to its paired unit: {@code kind}, {@code item} (≤100),
 * {@code quantity} (1..1,000,000) and an optional {@code note} (≤500).
 */
public record ShortageForm(ShortageKind kind, String item, Integer quantity, String note) {
}

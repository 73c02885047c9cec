package cn.huoxian.deployment;

import java.time.LocalDate;

/**
 * A finding turned into a rectification: under which look, what to fix, who owns it and
 * by when (not before the inspection).
 */
public record RectificationForm(Look look, String item, Long ownerId, LocalDate deadline) {
}

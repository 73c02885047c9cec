package cn.huoxian.deployment;

import java.time.LocalDate;

/**
 * A battle request (请战书): the party member, the day it was submitted (default today, not
 * in the future) and its text (required, at most 2,000 characters).
 */
public record BattleRequestForm(Long personId, LocalDate submittedOn, String text) {
}

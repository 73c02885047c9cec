package cn.huoxian.deployment;

import java.time.LocalDate;

/**
 * Deploying a cadre: {@code region} is a region code (not needed for a team, whose region
 * it takes), {@code post} names a checkpoint, hospital or site, {@code startDate}
 * defaults to today, {@code endDate} is an optional planned end; {@code endCurrent} ends
 * the cadre's current position first (one cadre, one position).
 */
public record DeploymentForm(Long personId, PostKind postKind, String region, String post, Long teamId, String duty,
		LocalDate startDate, LocalDate endDate, Boolean endCurrent) {
}

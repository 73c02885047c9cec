package cn.huoxian.deployment;

import java.time.LocalDate;

import cn.huoxian.shared.PlausibleDate;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/**
 * Deploying a cadre: {@code region} is a region code (not needed for a team, whose region
 * it takes), {@code post} names a checkpoint, hospital or site, {@code startDate}
 * defaults to today, {@code endDate} is an optional planned end; {@code endCurrent} ends
 * the cadre's current position first (one cadre, one position).
 */
public record DeploymentForm(@Min(1) Long personId, PostKind postKind, @Size(max = 20) String region,
		@Size(max = 200) String post, @Min(1) Long teamId, @Size(max = 200) String duty,
		@PlausibleDate LocalDate startDate, @PlausibleDate LocalDate endDate, Boolean endCurrent) {
}

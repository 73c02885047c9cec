package cn.huoxian.deployment;

import java.time.LocalDate;

/**
 * A responsibility zone (党员责任区): the party member, the region (code; default the person's
 * region), the area they answer for and since when (default today).
 */
public record ZoneForm(Long personId, String region, String area, LocalDate since) {
}

package cn.huoxian.record;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * Assessment rounds ({@code huoxian.assessment.*}).
 *
 * @param belowMedianPercent a cadre's figure is marked below the peers' median only when
 * it is under it by more than this share of the median and by at least one whole unit (a
 * day, a visit): a day's difference in 35 days at post is not a shortfall
 */
@ConfigurationProperties("huoxian.assessment")
@Validated
public record AssessmentSettings(@DefaultValue("20") @Min(0) @Max(100) int belowMedianPercent) {

	/** Whether a value falls short of the median by enough to be marked. */
	public boolean below(long value, double median) {
		double shortfall = median - value;
		return shortfall >= 1 && shortfall > median * belowMedianPercent / 100.0;
	}

}

package cn.huoxian.reporting;

import java.time.Duration;
import java.time.LocalTime;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotNull;

/**
 * Daily situation reports ({@code huoxian.reports.*}).
 *
 * @param deadline a report submitted by this time of its business day (Asia/Shanghai) is
 * on time
 * @param grace after the deadline plus this a report can no longer be submitted or
 * changed, until the level above reopens it
 */
@ConfigurationProperties("huoxian.reports")
@Validated
public record DailyReportSettings(@DefaultValue("16:00") @NotNull LocalTime deadline,
		@DefaultValue("PT2H") @NotNull Duration grace) {

}

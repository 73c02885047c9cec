package cn.huoxian.web;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The health endpoint ({@code huoxian.health.*}).
 *
 * @param writeProbeInterval how long the answer of the {@code databaseWrites} probe (one
 * rolled-back insert) is kept, so a polled health endpoint is not a stream of writes
 */
@ConfigurationProperties("huoxian.health")
record HealthSettings(@DefaultValue("PT5S") Duration writeProbeInterval) {

}

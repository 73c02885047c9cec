package cn.huoxian.record;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The record's inbox drainer ({@code huoxian.record.*}).
 *
 * @param linger after a partial batch, how long events gather before the next one: under
 * load the batches grow and the transactions per event fall, at the cost of this much
 * delay
 */
@ConfigurationProperties("huoxian.record")
record RecordSettings(@DefaultValue("50ms") Duration linger) {

}

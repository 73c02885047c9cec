package cn.huoxian.bench;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The bench command ({@code bench.*}).
 *
 * @param iterations measured calls per operation
 * @param warmup calls per operation before measuring
 * @param maxSeconds a slow operation warms up for at most a quarter of this and is
 * measured until this much time has passed
 * @param only measure only the operations whose name contains this text (e.g.
 * {@code headline}); empty measures all
 */
@ConfigurationProperties("bench")
record BenchSettings(@DefaultValue("500") int iterations, @DefaultValue("100") int warmup,
		@DefaultValue("60") double maxSeconds, @DefaultValue("") String only) {

}

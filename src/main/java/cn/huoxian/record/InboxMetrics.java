package cn.huoxian.record;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

/**
 * {@code huoxian_record_inbox_rows}, {@code huoxian_record_inbox_failed} and
 * {@code huoxian_record_paused} on {@code /actuator/prometheus}: a queue that keeps
 * growing means the record is falling behind (or was left paused).
 */
@Component
class InboxMetrics implements MeterBinder {

	private final RecordInbox inbox;

	InboxMetrics(RecordInbox inbox) {
		this.inbox = inbox;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("huoxian.record.inbox.rows", this.inbox, i -> i.status().rows())
			.description("inbox rows waiting to be recorded")
			.register(registry);
		Gauge.builder("huoxian.record.inbox.failed", this.inbox, i -> i.status().failed())
			.description("inbox rows that failed and wait for a retry")
			.register(registry);
		Gauge.builder("huoxian.record.paused", this.inbox, i -> i.status().paused() ? 1 : 0)
			.description("1 while an administrator has paused the record")
			.register(registry);
	}

}

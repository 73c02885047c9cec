package cn.huoxian.record;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar huoxian.jar rebuild-record}: recomputes every performance record from
 * the sources, prints the differences found per source and exits (0 when the record
 * already agreed with its sources, 3 when something was added or removed).
 */
@Component
class RebuildCommand implements ApplicationRunner {

	static final String NAME = "rebuild-record";

	private static final Logger log = LoggerFactory.getLogger(RebuildCommand.class);

	private final RecordRebuild rebuild;

	private final ConfigurableApplicationContext context;

	RebuildCommand(RecordRebuild rebuild, ConfigurableApplicationContext context) {
		this.rebuild = rebuild;
		this.context = context;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!args.getNonOptionArgs().contains(NAME)) {
			return;
		}
		long start = System.nanoTime();
		Map<String, RecordRebuild.Difference> report = rebuild.rebuild();
		StringBuilder table = new StringBuilder("| source | entries given | added | removed |\n|---|---:|---:|---:|");
		report.forEach((source, d) -> table
			.append(String.format("%n| %s | %d | %d | %d |", source, d.given(), d.added(), d.removed())));
		System.out.println(table);
		boolean differed = report.values().stream().anyMatch(d -> d.added() > 0 || d.removed() > 0);
		log.info("Record rebuilt in {} s: {}", String.format("%.1f", (System.nanoTime() - start) / 1e9),
				differed ? "differences found and repaired" : "no differences");
		int status = differed ? 3 : 0;
		System.exit(SpringApplication.exit(context, () -> status));
	}

}

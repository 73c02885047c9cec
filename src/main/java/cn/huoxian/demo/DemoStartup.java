package cn.huoxian.demo;

import java.util.Arrays;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * In the demo profile, generates the demo city on first start. With PostgreSQL the
 * profile must be chosen explicitly (SPRING_PROFILES_ACTIVE=demo), so a production
 * database never gets demo data by default. Started with a command (generate, bench) it
 * leaves the work to that command.
 */
@Component
@Profile("demo")
@Order(1)
class DemoStartup implements ApplicationRunner {

	private final DemoCity demoCity;

	private final Environment environment;

	private final double scale;

	private final String url;

	private final DemoPreparing preparing;

	DemoStartup(DemoCity demoCity, Environment environment, DemoSettings settings,
			@Value("${spring.datasource.url:}") String url, DemoPreparing preparing, ApplicationArguments arguments) {
		this.demoCity = demoCity;
		this.preparing = preparing;
		// from before the server accepts requests until run() has made sure the city
		// exists
		preparing.preparing(arguments.getNonOptionArgs().isEmpty());
		this.environment = environment;
		this.scale = settings.scale();
		this.url = url;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!args.getNonOptionArgs().isEmpty()) {
			return;
		}
		try {
			requireDemoProfile(environment, url);
			demoCity.generateIfAbsent(scale);
		}
		finally {
			preparing.preparing(false);
		}
	}

	/**
	 * Demo data goes into an embedded database, or into another one only when the demo
	 * profile was chosen.
	 */
	static void requireDemoProfile(Environment environment, String url) {
		boolean explicit = Arrays.asList(environment.getActiveProfiles()).contains("demo");
		if (!url.startsWith("jdbc:h2:") && !explicit) {
			throw new IllegalStateException("The demo profile is the default only for the embedded database. "
					+ "With another database choose it explicitly: SPRING_PROFILES_ACTIVE=demo for the demo city, "
					+ "or SPRING_PROFILES_ACTIVE=prod with HUOXIAN_ADMIN_PASSWORD for a real deployment.");
		}
	}

}

package cn.huoxian;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Huoxian (火线): the frontline organisation and cadre-assessment system. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class HuoxianApplication {

	public static void main(String[] args) {
		// a first argument that is a word (generate, bench, rebuild-record) names a
		// command: it opens no
		// port, runs and exits
		if (args.length > 0 && !args[0].startsWith("-"))
			System.setProperty("server.port", "-1");
		SpringApplication.run(HuoxianApplication.class, args);
	}

}

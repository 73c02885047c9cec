package cn.huoxian;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableAsync;

/** Huoxian (火线): the frontline organisation and cadre-assessment system. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableAsync
public class HuoxianApplication {

	public static void main(String[] args) {
		SpringApplication.run(HuoxianApplication.class, args);
	}

}

package cn.huoxian.shared;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Pages, problem details and module messages read one set of bundles: {@link Messages}.
 */
@Configuration(proxyBeanMethods = false)
class MessagesConfig {

	@Bean
	MessageSource messageSource() {
		return Messages.source();
	}

}

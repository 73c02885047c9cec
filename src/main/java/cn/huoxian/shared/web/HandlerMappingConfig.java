package cn.huoxian.shared.web;

import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** Controllers are looked up through {@link IndexedHandlerMapping}. */
@Configuration(proxyBeanMethods = false)
class HandlerMappingConfig {

	@Bean
	WebMvcRegistrations indexedHandlerMapping() {
		return new WebMvcRegistrations() {
			@Override
			public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
				return new IndexedHandlerMapping();
			}
		};
	}

}

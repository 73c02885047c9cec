package cn.huoxian.shared.web;

import javax.sql.DataSource;

import jakarta.servlet.DispatcherType;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** One pooled connection per request ({@link RequestConnection}). */
@Configuration(proxyBeanMethods = false)
class RequestConnectionConfig {

	@Bean
	FilterRegistrationBean<RequestConnection> requestConnection(DataSource dataSource) {
		var registration = new FilterRegistrationBean<>(new RequestConnection(dataSource));
		// after the request guard, before security: the token and session checks share it
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
		registration.setDispatcherTypes(DispatcherType.REQUEST);
		return registration;
	}

}

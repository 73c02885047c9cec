package cn.huoxian.shared.web;

import jakarta.servlet.DispatcherType;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Wires the error contract: the parameter guard in front of every filter, the paging
 * check on every handler, and Tomcat's own error reports as problem+json.
 */
@Configuration(proxyBeanMethods = false)
class ErrorContractConfig implements WebMvcConfigurer {

	private final Problems problems;

	ErrorContractConfig(Problems problems) {
		this.problems = problems;
	}

	@Bean
	FilterRegistrationBean<RequestGuard> requestGuard() {
		FilterRegistrationBean<RequestGuard> registration = new FilterRegistrationBean<>(new RequestGuard(problems));
		// after the character encoding filter (which must run before parameters are
		// read),
		// before security and everything else
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.FORWARD,
				DispatcherType.ASYNC);
		return registration;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new PagingCheck(problems));
	}

	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemReports() {
		return new ProblemReports();
	}

	/**
	 * Runs after Spring Boot's own, so the valve sits inside Boot's error report valve.
	 */
	static class ProblemReports implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

		@Override
		public void customize(TomcatServletWebServerFactory factory) {
			factory.addContextCustomizers(context -> {
				context.getParent().getPipeline().addValve(new ProblemReportValve());
				// what Tomcat refuses before mapping (a NUL or bad escape in the path)
				// is reported by the host's error report valve
				if (context.getParent() instanceof org.apache.catalina.core.StandardHost host) {
					host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
				}
			});
		}

		@Override
		public int getOrder() {
			return Ordered.LOWEST_PRECEDENCE;
		}

	}

}

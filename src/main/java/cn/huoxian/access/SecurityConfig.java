package cn.huoxian.access;

import java.io.IOException;
import java.time.Clock;

import jakarta.servlet.http.HttpServletResponse;
import org.jooq.DSLContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * Two filter chains: the API under /api with bearer tokens, stateless, errors as problem
 * details; the pages with form login, sessions and CSRF.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	@Order(1)
	SecurityFilterChain apiChain(HttpSecurity http, ApiTokens tokens) throws Exception {
		http.securityMatcher("/api/**")
			.csrf(csrf -> csrf.disable())
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.authorizeHttpRequests(a -> a.requestMatchers(HttpMethod.POST, "/api/v1/auth/token")
				.permitAll()
				.requestMatchers("/api/v1/audit/**")
				.hasRole(Role.CITY_ADMIN.name())
				.anyRequest()
				.authenticated())
			.addFilterBefore(new BearerTokenFilter(tokens), AuthorizationFilter.class)
			.exceptionHandling(e -> e
				.authenticationEntryPoint((request, response, ex) -> problem(response, 401, "unauthorized",
						"Sign in first: POST /api/v1/auth/token, then send Authorization: Bearer <token>"))
				.accessDeniedHandler(
						(request, response, ex) -> problem(response, 403, "forbidden", "Your role may not do this")));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain pageChain(HttpSecurity http, FormLoginProvider provider, DSLContext db, Clock clock)
			throws Exception {
		http.authorizeHttpRequests(a -> a
			.requestMatchers("/login", "/webjars/**", "/css/**", "/js/**", "/favicon.ico", "/error",
					"/actuator/health/**", "/actuator/prometheus", "/v3/api-docs/**", "/swagger-ui/**",
					"/swagger-ui.html")
			.permitAll()
			.requestMatchers("/audit/**")
			.hasRole(Role.CITY_ADMIN.name())
			.anyRequest()
			.authenticated())
			.formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/", false).failureUrl("/login?error"))
			.logout(l -> l.logoutSuccessUrl("/login?logout"))
			.addFilterBefore(new LiveSessionFilter(db, clock), AnonymousAuthenticationFilter.class)
			// an explicit manager with no parent: the provider (and its failure count)
			// runs once per attempt
			.authenticationManager(new ProviderManager(provider));
		return http.build();
	}

	static void problem(HttpServletResponse response, int status, String type, String detail) throws IOException {
		response.setStatus(status);
		response.setContentType("application/problem+json");
		response.setCharacterEncoding("UTF-8");
		response.getWriter()
			.write("{\"type\":\"https://huoxian.cn/problems/" + type + "\",\"title\":\""
					+ (status == 401 ? "Unauthorized" : "Forbidden") + "\",\"status\":" + status + ",\"detail\":\""
					+ detail.replace("\"", "'") + "\"}");
	}

}

package cn.huoxian.access;

import java.time.Clock;
import java.util.LinkedHashMap;

import cn.huoxian.shared.Role;
import org.jooq.DSLContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.accept.HeaderContentNegotiationStrategy;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Four filter chains: Prometheus metrics for a configured credential or loopback; the API
 * under /api with bearer tokens, stateless, errors as problem details; the OpenAPI
 * document and Swagger UI for any signed-in account (token or session) unless configured
 * public; the pages with form login, sessions and CSRF. All of them send the security
 * headers.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

	/**
	 * The pages' scripts and styles come only from this server (WebJars, /js, /css): no
	 * inline script, handler or style attribute (TemplatesTests keeps it so).
	 */
	static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
			+ "form-action 'self'; frame-ancestors 'none'";

	/** JSON answers load nothing and are never framed. */
	static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

	/** No page uses these browser features. */
	static final String PERMISSIONS = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
			+ "serial=(), bluetooth=(), midi=(), accelerometer=(), gyroscope=(), magnetometer=(), "
			+ "display-capture=(), browsing-topics=()";

	static final String[] API_DOCS = { "/v3/api-docs", "/v3/api-docs*", "/v3/api-docs/**", "/swagger-ui*",
			"/swagger-ui/**" };

	private final FilterProblems problems;

	SecurityConfig(LocaleResolver locales) {
		this.problems = new FilterProblems(locales);
	}

	/**
	 * BCrypt, stored with its id ({@code {bcrypt}$2a$10$…}) as the delegating encoder
	 * does.
	 */
	@Bean
	PasswordEncoder passwordEncoder(PasswordSettings settings) {
		return new org.springframework.security.crypto.password.DelegatingPasswordEncoder("bcrypt", java.util.Map.of(
				"bcrypt",
				new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder(settings.bcryptStrength())));
	}

	@Bean
	@Order(0)
	SecurityFilterChain metricsChain(HttpSecurity http, AccessSettings settings) throws Exception {
		AccessSettings.Metrics metrics = settings.metrics();
		http.securityMatcher("/actuator/prometheus")
			.csrf(csrf -> csrf.disable())
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.authorizeHttpRequests(a -> a.anyRequest().access(new MetricsAccess(metrics.token(), metrics.loopback())))
			.exceptionHandling(e -> e.authenticationEntryPoint((request, response, ex) -> {
				response.setHeader("WWW-Authenticate", "Bearer");
				problems.write(request, response, 401, "unauthorized", "access.error.metrics");
			}));
		headers(http, API_POLICY);
		return http.build();
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
			.addFilterBefore(new BearerTokenFilter(tokens, problems), AuthorizationFilter.class)
			.exceptionHandling(e -> e.authenticationEntryPoint(apiEntryPoint())
				.accessDeniedHandler((request, response, ex) -> problems.write(request, response, 403, "forbidden",
						"access.error.forbidden")));
		headers(http, API_POLICY);
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain apiDocsChain(HttpSecurity http, ApiTokens tokens, DSLContext db, Clock clock,
			AccessSettings settings, SignedInCache signedIn) throws Exception {
		boolean open = settings.apiDocs().open();
		http.securityMatcher(API_DOCS).authorizeHttpRequests(a -> {
			if (open) {
				a.anyRequest().permitAll();
			}
			else {
				a.anyRequest().authenticated();
			}
		})
			.addFilterBefore(new LiveSessionFilter(db, clock, signedIn), AnonymousAuthenticationFilter.class)
			.addFilterBefore(new BearerTokenFilter(tokens, problems), AuthorizationFilter.class)
			// a browser is sent to sign in, an API client is told so
			.exceptionHandling(e -> e.authenticationEntryPoint(browserOrClient()));
		headers(http, PAGE_POLICY);
		return http.build();
	}

	@Bean
	@Order(3)
	SecurityFilterChain pageChain(HttpSecurity http, FormLoginProvider provider, DSLContext db, Clock clock,
			SignedInCache signedIn) throws Exception {
		http.authorizeHttpRequests(a -> a
			.requestMatchers("/login", "/webjars/**", "/css/**", "/js/**", "/favicon.ico", "/error",
					"/actuator/health/**")
			.permitAll()
			.requestMatchers("/audit/**")
			.hasRole(Role.CITY_ADMIN.name())
			.anyRequest()
			.authenticated())
			.formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/", false).failureUrl("/login?error"))
			.logout(l -> l.logoutSuccessUrl("/login?logout"))
			.addFilterBefore(new LiveSessionFilter(db, clock, signedIn), AnonymousAuthenticationFilter.class)
			// an explicit manager with no parent: the provider (and its failure count)
			// runs once per attempt
			.authenticationManager(new ProviderManager(provider));
		headers(http, PAGE_POLICY);
		return http.build();
	}

	private static void headers(HttpSecurity http, String policy) throws Exception {
		// X-Content-Type-Options: nosniff and Cache-Control stay on as Spring Security's
		// defaults
		http.headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(policy))
			.referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN))
			.permissionsPolicyHeader(p -> p.policy(PERMISSIONS))
			.frameOptions(f -> f.deny()));
	}

	private AuthenticationEntryPoint apiEntryPoint() {
		return (request, response, ex) -> problems.write(request, response, 401, "unauthorized",
				"access.error.unauthorized");
	}

	private AuthenticationEntryPoint browserOrClient() {
		var html = new MediaTypeRequestMatcher(new HeaderContentNegotiationStrategy(), MediaType.TEXT_HTML);
		html.setIgnoredMediaTypes(java.util.Set.of(MediaType.ALL));
		var entryPoints = new LinkedHashMap<RequestMatcher, AuthenticationEntryPoint>();
		entryPoints.put(html, new LoginUrlAuthenticationEntryPoint("/login"));
		var entryPoint = new DelegatingAuthenticationEntryPoint(entryPoints);
		entryPoint.setDefaultEntryPoint(apiEntryPoint());
		return entryPoint;
	}

}

package cn.huoxian.shared.web;

import java.time.Duration;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * The pages' styles, scripts and WebJars, served under versioned URLs
 * ({@code /css/huoxian-<md5>.css}, {@code /webjars/htmx.org/2.0.8/dist/htmx.min.js}) that
 * browsers keep for a year, resolved once and cached (issue 13).
 * <p>
 * Boot's default handler for {@code /**} is switched off
 * ({@code spring.web.resources.add-mappings=false}): with it, every link a page wrote
 * ({@code /regions/130902}, …) went through the resource chain, which caches only what it
 * finds, so each link cost class-path look-ups inside the nested jar under one lock.
 */
@Configuration(proxyBeanMethods = false)
public class StaticResources implements WebMvcConfigurer {

	/** The URL prefixes served from the class path, nothing else. */
	private static final String[] PREFIXES = { "/css/", "/js/", "/webjars/" };

	/**
	 * True for a request for a style, script or WebJar: filters that need the database or
	 * the session skip them.
	 */
	public static boolean isStatic(jakarta.servlet.http.HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		for (String prefix : PREFIXES) {
			if (path.startsWith(prefix)) {
				return true;
			}
		}
		return false;
	}

	private static final CacheControl FOR_A_YEAR = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		for (String folder : new String[] { "css", "js" }) {
			registry.addResourceHandler("/" + folder + "/**")
				.addResourceLocations("classpath:/static/" + folder + "/")
				.setCacheControl(FOR_A_YEAR)
				.resourceChain(true)
				.addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
		}
		// the WebJars locator (added by the chain) puts the version into the URL
		registry.addResourceHandler("/webjars/**")
			.addResourceLocations("classpath:/META-INF/resources/webjars/")
			.setCacheControl(FOR_A_YEAR)
			.resourceChain(true);
	}

}

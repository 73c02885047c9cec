package cn.huoxian.web;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Simplified Chinese by default; {@code ?lang=zh-TW} or {@code ?lang=en} switches, kept
 * in a cookie; the API also follows Accept-Language.
 */
@Configuration(proxyBeanMethods = false)
class LocaleConfig implements WebMvcConfigurer {

	@Bean
	LocaleResolver localeResolver() {
		CookieLocaleResolver resolver = new CookieLocaleResolver("huoxian-lang");
		resolver.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
		resolver.setDefaultLocaleFunction(LocaleConfig::defaultLocale);
		resolver.setCookieMaxAge(Duration.ofDays(365));
		return resolver;
	}

	/**
	 * Without the cookie: API clients get the language of their Accept-Language when it
	 * is one of ours; pages (and everyone else) Simplified Chinese.
	 */
	static Locale defaultLocale(HttpServletRequest request) {
		String uri = request.getRequestURI();
		if (uri != null && uri.startsWith(request.getContextPath() + "/api/")
				&& request.getHeader(HttpHeaders.ACCEPT_LANGUAGE) != null) {
			for (Locale asked : Collections.list(request.getLocales())) {
				if (asked.getLanguage().equals("en")) {
					return Locale.ENGLISH;
				}
				if (asked.getLanguage().equals("zh")) {
					boolean traditional = asked.getScript().equals("Hant")
							|| List.of("TW", "HK", "MO").contains(asked.getCountry());
					return traditional ? Locale.TRADITIONAL_CHINESE : Locale.SIMPLIFIED_CHINESE;
				}
			}
		}
		return Locale.SIMPLIFIED_CHINESE;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
		interceptor.setParamName("lang");
		registry.addInterceptor(interceptor);
	}

}

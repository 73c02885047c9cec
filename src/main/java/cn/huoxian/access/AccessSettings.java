package cn.huoxian.access;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;

/**
 * Who may sign in and read what ({@code huoxian.api.*}, {@code huoxian.metrics.*},
 * {@code huoxian.api-docs.*}, {@code huoxian.admin.*}).
 *
 * @param api the API's bearer tokens
 * @param metrics who may read {@code /actuator/prometheus}
 * @param apiDocs who may read the OpenAPI document and Swagger UI
 * @param admin the administrator created on the first production start
 */
@ConfigurationProperties("huoxian")
record AccessSettings(@DefaultValue Api api, @DefaultValue Metrics metrics, @DefaultValue ApiDocs apiDocs,
		@DefaultValue Admin admin) {

	/**
	 * The API's bearer tokens.
	 *
	 * @param tokenLifetime how long a token issued by {@code POST /api/v1/auth/token}
	 * lives
	 */
	record Api(@DefaultValue("PT12H") Duration tokenLifetime) {

	}

	/**
	 * {@code /actuator/prometheus} answers a client from the loopback address, or one
	 * sending the token.
	 *
	 * @param token the scrape credential, as {@code Bearer <token>} or as the Basic
	 * password (environment variable {@code HUOXIAN_METRICS_TOKEN}); unset or blank, no
	 * token is accepted
	 * @param loopback whether a client from the loopback address needs no token; false
	 * behind a proxy on the same host
	 */
	record Metrics(String token, @DefaultValue("true") boolean loopback) {

	}

	/**
	 * The OpenAPI document ({@code /v3/api-docs}) and Swagger UI.
	 *
	 * @param open {@code huoxian.api-docs.public}: true serves them without signing in
	 */
	record ApiDocs(@Name("public") @DefaultValue("false") boolean open) {

	}

	/**
	 * The city administrator created on the first start outside the demo profile.
	 *
	 * @param password the password of the account {@code admin} (environment variable
	 * {@code HUOXIAN_ADMIN_PASSWORD}); needed when no administrator exists yet, else
	 * unused
	 */
	record Admin(String password) {

	}

}

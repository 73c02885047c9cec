package cn.huoxian.exchange;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Imports and exports ({@code huoxian.exchange.*}); what one upload may make the server
 * read is {@link ImportLimits}.
 *
 * @param maxRows the most data rows one imported file may hold
 */
@ConfigurationProperties("huoxian.exchange")
record ExchangeSettings(@DefaultValue("100000") int maxRows) {

}

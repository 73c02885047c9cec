package cn.huoxian.shared;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The city this installation serves ({@code huoxian.*}).
 *
 * @param cityCode the city's region code: the scope of the administrator created on the
 * first production start, and the city the bench command measures (130900 is Cangzhou,
 * the demo city)
 */
@ConfigurationProperties("huoxian")
public record CitySettings(@DefaultValue("130900") String cityCode) {

}

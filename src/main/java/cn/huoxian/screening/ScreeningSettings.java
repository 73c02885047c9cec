package cn.huoxian.screening;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Door-to-door screening ({@code huoxian.screening.*}).
 *
 * @param highRiskAreas the areas a visit asks each resident about, comma-separated (early
 * 2020: the worst-hit prefectures); travel from one of them flags the resident
 */
@ConfigurationProperties("huoxian.screening")
record ScreeningSettings(@DefaultValue( {
		"湖北省武汉市", "湖北省孝感市", "湖北省黄冈市", "湖北省荆州市", "湖北省随州市", "湖北省襄阳市", "浙江省温州市" }) List<String> highRiskAreas){

}

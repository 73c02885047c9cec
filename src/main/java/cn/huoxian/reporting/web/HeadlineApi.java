package cn.huoxian.reporting.web;

import java.util.Map;

import cn.huoxian.reporting.Headline;
import cn.huoxian.shared.CurrentUserProvider;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The headline figures of a region: {@code GET /api/v1/stats/headline?region=}. */
@RestController
class HeadlineApi {

	private final Headline headline;

	private final CurrentUserProvider users;

	HeadlineApi(Headline headline, CurrentUserProvider users) {
		this.headline = headline;
		this.users = users;
	}

	@Operation(summary = "A region's headline figures")
	@GetMapping("/api/v1/stats/headline")
	Map<String, Object> headline(@RequestParam(required = false) String region) {
		return headline.of(region, users.current().scope());
	}

}

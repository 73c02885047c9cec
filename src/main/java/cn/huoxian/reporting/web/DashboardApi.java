package cn.huoxian.reporting.web;

import java.util.List;

import cn.huoxian.reporting.Dashboard;
import cn.huoxian.shared.CurrentUserProvider;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The command dashboard's figures and trends. */
@RestController
class DashboardApi {

	private final Dashboard dashboard;

	private final CurrentUserProvider users;

	DashboardApi(Dashboard dashboard, CurrentUserProvider users) {
		this.dashboard = dashboard;
		this.users = users;
	}

	@Operation(summary = "A figure's trend at a region: one value a day, today's live")
	@GetMapping("/api/v1/stats/trend")
	List<Dashboard.TrendPoint> trend(@RequestParam(required = false) String region, @RequestParam String figure,
			@RequestParam(defaultValue = "30") int days) {
		return dashboard.trend(region, figure, days, users.current());
	}

	@Operation(summary = "A region's dashboard: every figure now with its trend, and each region below")
	@GetMapping("/api/v1/stats/dashboard")
	Dashboard.DashboardView dashboard(@RequestParam(required = false) String region,
			@RequestParam(defaultValue = "30") int days) {
		if (days < 1 || days > 366) {
			throw new cn.huoxian.shared.InvalidInputException("days",
					cn.huoxian.shared.Messages.text("problem.field.between", 1, 366));
		}
		return dashboard.of(region, days, users.current());
	}

}

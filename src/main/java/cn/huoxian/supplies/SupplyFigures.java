package cn.huoxian.supplies;

import java.time.LocalDate;
import java.util.Map;

import cn.huoxian.shared.DailyReportFigures;
import cn.huoxian.shared.HeadlineFigures;
import cn.huoxian.shared.RegionPath;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Supplies in the headline and in a community's daily report: the requests not yet
 * answered under the region.
 */
final class SupplyFigures {

	private SupplyFigures() {
	}

	@Component
	@Order(30)
	static class Headline implements HeadlineFigures {

		private final Supplies supplies;

		Headline(Supplies supplies) {
			this.supplies = supplies;
		}

		@Override
		public void addTo(Map<String, Object> figures, RegionPath regionPath, LocalDate day) {
			figures.put("supplyRequestsOpen", supplies.openUnder(regionPath));
		}

	}

	@Component
	@Order(30)
	static class Report implements DailyReportFigures {

		private final Supplies supplies;

		Report(Supplies supplies) {
			this.supplies = supplies;
		}

		@Override
		public void addTo(Map<String, Long> figures, RegionPath community, LocalDate day) {
			figures.put("supplyRequestsOpen", supplies.openUnder(community));
		}

	}

}

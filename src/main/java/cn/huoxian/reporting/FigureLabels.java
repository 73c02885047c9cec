package cn.huoxian.reporting;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import cn.huoxian.shared.DailyReportFigures;
import cn.huoxian.shared.Messages;
import org.springframework.stereotype.Component;

/**
 * A daily report figure's label in a language: the module's own where it names the figure
 * (a figure per campaign), else {@code report.figure.<name>}. Pages use it as
 * {@code ${@figureLabels.of(name)}}.
 */
@Component("figureLabels")
public class FigureLabels {

	private final List<DailyReportFigures> contributors;

	FigureLabels(List<DailyReportFigures> contributors) {
		this.contributors = contributors;
	}

	/** The label in the request's language. */
	public String of(String figure) {
		return of(figure, Messages.locale());
	}

	public String of(String figure, Locale locale) {
		return contributors.stream()
			.map(c -> c.label(figure, locale))
			.flatMap(Optional::stream)
			.findFirst()
			.orElseGet(() -> Messages.text(locale, "report.figure." + figure));
	}

}

package cn.huoxian.record;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.DataScope;
import cn.huoxian.shared.Ledger;
import cn.huoxian.shared.LedgerSheet;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * A round as .xlsx, in rank order: place, name, rank, unit, a column per dimension,
 * total, conclusion, recommendation, comment, then every figure and its peer median.
 */
@Service
public class AssessmentLedger implements Ledger<RoundView> {

	private final Assessments assessments;

	private final MessageSource messages;

	AssessmentLedger(Assessments assessments, MessageSource messages) {
		this.assessments = assessments;
		this.messages = messages;
	}

	/** The round (404 outside scope) before anything is written. */
	public RoundView round(long id, CurrentUser user) {
		return assessments.find(id, user);
	}

	/** {@code assessment-round-<id>.xlsx}. */
	@Override
	public String filename(RoundView round) {
		return "assessment-round-" + round.id() + ".xlsx";
	}

	@Override
	public List<LedgerSheet.Part> parts(RoundView round, DataScope scope, Locale locale) {
		List<String> headers = new ArrayList<>();
		for (String key : List.of("place", "name", "rank", "unit")) {
			headers.add(text("assessment.col." + key, locale));
		}
		headers.addAll(round.dimensions());
		for (String key : List.of("total", "conclusion", "recommendation", "comment")) {
			headers.add(text("assessment.col." + key, locale));
		}
		for (String figure : Assessments.FIGURES) {
			String label = text("assessment.figure." + figure, locale);
			headers.add(label);
			headers.add(label + " · " + text("assessment.median", locale));
		}
		return List.of(workbook -> {
			LedgerSheet sheet = new LedgerSheet(workbook, text("assessment.ledger.sheet", locale), headers);
			for (RoundCadreView c : round.cadres()) {
				int row = sheet.nextRow();
				Worksheet ws = sheet.sheet();
				int col = 0;
				ws.value(row, col++, c.place());
				ws.value(row, col++, c.name());
				ws.value(row, col++, c.rank() == null ? "" : text("assessment.rank." + c.rank(), locale));
				ws.value(row, col++, c.unit() == null ? "" : c.unit());
				for (String dimension : round.dimensions()) {
					Integer score = c.scores() == null ? null : c.scores().get(dimension);
					if (score != null) {
						ws.value(row, col, score);
					}
					col++;
				}
				if (c.total() != null) {
					ws.value(row, col, c.total());
				}
				col++;
				ws.value(row, col++,
						c.conclusion() == null ? "" : text("assessment.conclusion." + c.conclusion(), locale));
				ws.value(row, col++, c.recommendation() == null ? ""
						: text("assessment.recommendation." + c.recommendation(), locale));
				ws.value(row, col++, c.comment() == null ? "" : c.comment());
				for (String figure : Assessments.FIGURES) {
					RoundCadreView.Figure f = c.figures().get(figure);
					ws.value(row, col++, f.value());
					ws.value(row, col++, f.median());
				}
			}
			sheet.finish();
		});
	}

	private String text(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}

}

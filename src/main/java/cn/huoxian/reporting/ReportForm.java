package cn.huoxian.reporting;

import java.util.Map;

import jakarta.annotation.Nullable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/**
 * A community's daily report as submitted: {@code zero} for a zero report (nothing new:
 * the prefilled figures stand, nothing entered); otherwise each prefilled figure's value
 * where it differs from the records (with a note saying why), and the entered ones.
 */
public record ReportForm(@Nullable Boolean zero, @Nullable Map<String, FigureInput> figures,
		@Nullable @Min(0) @Max(100_000) Integer newConfirmed, @Nullable @Min(0) @Max(100_000) Integer newSuspected,
		@Nullable @Size(max = 1000) String helpNeeded, @Nullable @Size(max = 2000) String remarks) {

	/** A figure as reported: the value, and why it differs from the records. */
	public record FigureInput(@Nullable @Min(0) @Max(10_000_000) Long value, @Nullable @Size(max = 500) String note) {
	}

	/** A zero report. */
	public static ReportForm zeroReport() {
		return new ReportForm(true, null, 0, 0, null, null);
	}

	/** A zero report when it says so; anything else is a report with figures. */
	public boolean isZero() {
		return Boolean.TRUE.equals(zero);
	}

	Map<String, FigureInput> figuresOrEmpty() {
		return figures == null ? Map.of() : figures;
	}

}

package cn.huoxian.record;

import java.util.List;

import cn.huoxian.people.CadreRank;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Opens an assessment round: its name (required, ≤200), the cadres under a region
 * (required), optionally of some ranks and only those at a current post, scored on the
 * dimensions (default 德、能、勤、绩、廉; 1 to 8 names of 1 to 20 characters without commas, none
 * repeated).
 */
public record RoundForm(
		@NotBlank(message = "{record.error.assessment.round-name}") @Size(max = 200,
				message = "{record.error.assessment.round-name}") String name,
		@NotBlank(message = "{problem.required}") @Size(max = 20, message = "{record.field.too-long}") String region,
		@Size(max = 4) List<@NotNull CadreRank> ranks, Boolean deployedOnly,
		@Size(max = 8,
				message = "{record.error.assessment.dimension-count}") List<@NotBlank(
						message = "{record.error.assessment.dimension-name}") @Size(max = 20,
								message = "{record.error.assessment.dimension-name}") @Pattern(regexp = "[^,]*",
										message = "{record.error.assessment.dimension-name}") String> dimensions) {

	public static final List<String> DEFAULT_DIMENSIONS = List.of("德", "能", "勤", "绩", "廉");

}

package cn.huoxian.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import cn.huoxian.shared.BusinessDay;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.metadata.ConstraintDescriptor;
import jakarta.validation.metadata.PropertyDescriptor;
import org.junit.jupiter.api.Test;

/**
 * The quick look of {@link VisitLimits} never passes a visit Bean Validation would
 * refuse, passes the ordinary ones, and knows every limit the visit's records declare.
 */
class VisitLimitsTests {

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T04:00:00Z"), BusinessDay.ZONE);

	private static final LocalDate TODAY = BusinessDay.today(CLOCK);

	private final Validator validator = Validation.byDefaultProvider()
		.configure()
		.clockProvider(() -> CLOCK)
		.buildValidatorFactory()
		.getValidator();

	@Test
	void everyDeclaredLimitIsOneTheQuickLookKnows() {
		// a new or changed constraint fails here: teach VisitLimits about it first
		assertThat(constraints(VisitInput.class)).containsExactlyInAnyOrder("householdId Min value=1",
				"visitedAt PlausibleDate from=" + VisitLimits.FIRST_DAY + " yearsAhead=1",
				"residents Size max=" + VisitLimits.MAX_RESIDENTS + " min=0", "residents cascaded",
				"unregistered Size max=50 min=0", "unregistered cascaded");
		assertThat(constraints(VisitInput.ResidentCheck.class)).containsExactlyInAnyOrder("personId Min value=1",
				"awayWhere Size max=" + VisitLimits.MAX_TEXT + " min=0",
				"travelFrom Size max=" + VisitLimits.MAX_TEXT + " min=0",
				"temperature DecimalMin inclusive=true value=" + VisitLimits.LOWEST,
				"temperature DecimalMax inclusive=true value=" + VisitLimits.HIGHEST);
	}

	@Test
	void anOrdinaryVisitIsPassedWithoutBeanValidation() {
		VisitInput visit = new VisitInput(UUID.randomUUID(), 42L, OffsetDateTime.now(CLOCK), Outcome.COVERED,
				List.of(new VisitInput.ResidentCheck(7L, ResidentStatus.PRESENT, null, new BigDecimal("36.5"), null)),
				List.of());
		assertThat(VisitLimits.plainlyWithin(visit, TODAY)).isTrue();
		assertThat(validator.validate(visit)).isEmpty();
	}

	/**
	 * Seeded random visits around every limit: what the quick look passes, Bean
	 * Validation passes too; and what Bean Validation passes (no unregistered people,
	 * dated today or before) the quick look passes, so it is used.
	 */
	@Test
	void theQuickLookAgreesWithBeanValidationAroundEveryLimit() {
		Random random = new Random(20261207);
		int passed = 0;
		int leftToBeanValidation = 0;
		for (int i = 0; i < 20_000; i++) {
			VisitInput visit = visit(random);
			boolean quick = VisitLimits.plainlyWithin(visit, TODAY);
			boolean valid = validator.validate(visit).isEmpty();
			if (quick) {
				assertThat(valid).as("passed quickly but refused by Bean Validation: %s", visit).isTrue();
				passed++;
			}
			else {
				leftToBeanValidation++;
				boolean exactDomain = (visit.unregistered() == null || visit.unregistered().isEmpty())
						&& (visit.visitedAt() == null || !BusinessDay.of(visit.visitedAt()).isAfter(TODAY))
						&& (visit.residents() == null || !visit.residents().contains(null));
				assertThat(valid && exactDomain).as("valid, yet left to Bean Validation: %s", visit).isFalse();
			}
		}
		assertThat(passed).isGreaterThan(1_000);
		assertThat(leftToBeanValidation).isGreaterThan(1_000);
	}

	private static VisitInput visit(Random random) {
		Long household = pick(random, null, -1L, 0L, 1L, 12_345L);
		OffsetDateTime at = pick(random, null, OffsetDateTime.of(2018, 12, 31, 15, 59, 59, 0, ZoneOffset.UTC),
				OffsetDateTime.of(2018, 12, 31, 16, 0, 0, 0, ZoneOffset.UTC), OffsetDateTime.now(CLOCK),
				OffsetDateTime.now(CLOCK).minusDays(30), OffsetDateTime.now(CLOCK).plusDays(1),
				OffsetDateTime.now(CLOCK).plusYears(1).plusDays(2));
		List<VisitInput.ResidentCheck> residents = null;
		int size = pick(random, -1, 0, 1, 2, 3, 3, 3, 200, 201);
		if (size >= 0) {
			residents = new ArrayList<>();
			for (int r = 0; r < size; r++) {
				residents.add(random.nextInt(400) == 0 ? null : resident(random));
			}
		}
		List<VisitInput.NewResident> unregistered = pick(random, null, List.of(), List.of(),
				List.of(new VisitInput.NewResident("王芳", "130902199001011234", null, null, null)));
		return new VisitInput(UUID.randomUUID(), household, at, Outcome.COVERED, residents, unregistered);
	}

	private static VisitInput.ResidentCheck resident(Random random) {
		return new VisitInput.ResidentCheck(pick(random, null, 0L, 1L, 7L, 7L, 7L), ResidentStatus.PRESENT,
				text(random), temperature(random), null, text(random));
	}

	/** Null, short, or around 100 UTF-16 units (a supplementary character is two). */
	private static String text(Random random) {
		int length = pick(random, -1, -1, -1, 0, 5, 99, 100, 101);
		if (length < 0) {
			return null;
		}
		StringBuilder text = new StringBuilder();
		while (text.length() < length) {
			text.append(random.nextBoolean() ? "汉" : length - text.length() >= 2 ? "𠀀" : "a");
		}
		return text.toString();
	}

	@SafeVarargs
	private static <T> T pick(Random random, T... values) {
		return values[random.nextInt(values.length)];
	}

	private static BigDecimal temperature(Random random) {
		String value = pick(random, null, "33.9", "34.0", "36.5", "36.5", "36.5", "43.0", "43.00001", "43.1");
		return value == null ? null : new BigDecimal(value);
	}

	/** Each constrained property as "name Constraint attribute=value …", and cascades. */
	private Set<String> constraints(Class<?> type) {
		Set<String> found = new TreeSet<>();
		for (PropertyDescriptor property : validator.getConstraintsForClass(type).getConstrainedProperties()) {
			for (ConstraintDescriptor<?> constraint : property.getConstraintDescriptors()) {
				StringBuilder line = new StringBuilder(property.getPropertyName()).append(' ')
					.append(constraint.getAnnotation().annotationType().getSimpleName());
				new java.util.TreeMap<>(constraint.getAttributes()).forEach((name, value) -> {
					if (!Set.of("message", "groups", "payload").contains(name)) {
						line.append(' ').append(name).append('=').append(value);
					}
				});
				found.add(line.toString());
			}
			if (property.isCascaded() || property.getConstrainedContainerElementTypes()
				.stream()
				.anyMatch(element -> element.isCascaded())) {
				found.add(property.getPropertyName() + " cascaded");
			}
		}
		return found;
	}

}

package cn.huoxian;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.Set;

import cn.huoxian.shared.BusinessDay;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * Main code asks the application's {@link Clock} (declared in {@link BusinessDay}) for
 * the time, so a test can fix it; measuring a duration with System.nanoTime() is fine.
 */
class OneClockTests {

	private static final Set<Class<?>> TIME_TYPES = Set.of(LocalDate.class, LocalDateTime.class, LocalTime.class,
			OffsetDateTime.class, ZonedDateTime.class, Instant.class, Year.class, YearMonth.class);

	private static final DescribedPredicate<JavaCall<?>> ASKS_THE_SYSTEM_FOR_THE_TIME = DescribedPredicate.describe(
			"ask the system for the time (a no-argument now(), Clock.systemDefaultZone() or Clock.systemUTC())",
			OneClockTests::asksTheSystem);

	static final ArchRule ONE_CLOCK = noClasses().that()
		.doNotBelongToAnyOf(BusinessDay.class)
		.should()
		.callCodeUnitWhere(ASKS_THE_SYSTEM_FOR_THE_TIME)
		.because("every now and today comes from the injected Clock");

	@Test
	void mainCodeTakesTheTimeFromTheInjectedClock() {
		JavaClasses main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("cn.huoxian");
		ONE_CLOCK.check(main);
	}

	@Test
	void ruleCatchesEachWayOfAskingTheSystem() {
		for (Class<?> offender : new Class<?>[] { AsksLocalDate.class, AsksInstant.class, AsksYearMonth.class,
				AsksSystemUtc.class, AsksDefaultZone.class }) {
			assertThatThrownBy(() -> ONE_CLOCK.check(new ClassFileImporter().importClasses(offender)))
				.as(offender.getSimpleName())
				.isInstanceOf(AssertionError.class);
		}
		assertThatCode(() -> ONE_CLOCK.check(new ClassFileImporter().importClasses(AsksTheClock.class)))
			.doesNotThrowAnyException();
	}

	private static boolean asksTheSystem(JavaCall<?> call) {
		var target = call.getTarget();
		if (target.getOwner().isEquivalentTo(Clock.class)) {
			return target.getName().equals("systemDefaultZone") || target.getName().equals("systemUTC");
		}
		return target.getName().equals("now") && target.getRawParameterTypes().isEmpty()
				&& TIME_TYPES.stream().anyMatch(type -> target.getOwner().isEquivalentTo(type));
	}

	static class AsksLocalDate {

		LocalDate today() {
			return LocalDate.now();
		}

	}

	static class AsksInstant {

		Instant now() {
			return Instant.now();
		}

	}

	static class AsksYearMonth {

		YearMonth month() {
			return YearMonth.now();
		}

	}

	static class AsksSystemUtc {

		Clock clock() {
			return Clock.systemUTC();
		}

	}

	static class AsksDefaultZone {

		Clock clock() {
			return Clock.systemDefaultZone();
		}

	}

	static class AsksTheClock {

		LocalDate today(Clock clock) {
			return LocalDate.now(clock);
		}

	}

}

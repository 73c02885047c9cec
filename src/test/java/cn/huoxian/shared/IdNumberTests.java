package cn.huoxian.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class IdNumberTests {

	private static final LocalDate TODAY = LocalDate.of(2026, 3, 1);

	@ParameterizedTest
	@ValueSource(strings = { "11010519491231002X", "440524188001010014", "11010519491231002x" })
	void acceptsValidNumbers(String value) {
		assertThat(IdNumber.problem(value, TODAY)).isEmpty();
		assertThat(new IdNumber(value).value()).isEqualTo(value.toUpperCase());
	}

	@ParameterizedTest
	@ValueSource(strings = { "110105194912310021", "440524188001010015", "11010519491231002Y" })
	void rejectsWrongCheckDigit(String value) {
		assertThat(IdNumber.problemKey(value, TODAY)).contains("problem.id-number.check-digit");
		assertThatThrownBy(() -> new IdNumber(value)).isInstanceOf(IllegalArgumentException.class);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "1234", "11010519491231002XX", "1101051949123100AX" })
	void rejectsWrongShape(String value) {
		assertThat(IdNumber.problem(value, TODAY)).isPresent();
	}

	@Test
	void rejectsImpossibleBirthDate() {
		String first17 = "11010519490231002"; // 31 February
		assertThat(IdNumber.problemKey(first17 + IdNumber.checkCharacter(first17), TODAY))
			.contains("problem.id-number.birth-date");
	}

	@Test
	void refusesABirthDateAfterTheBusinessDay() {
		String bornOnTheSecond = IdNumber.of("130902", LocalDate.of(2026, 3, 2), 1).value();
		assertThat(IdNumber.problemKey(bornOnTheSecond, TODAY)).contains("problem.id-number.birth-range");
		assertThat(IdNumber.problemKey(bornOnTheSecond, TODAY.plusDays(1))).isEmpty();
	}

	@Test
	void refusesABirthYearBefore1850WhateverTheDay() {
		String first17 = "11010518491231002";
		assertThat(IdNumber.problemKey(first17 + IdNumber.checkCharacter(first17), TODAY))
			.contains("problem.id-number.birth-range");
	}

	@Test
	void derivesBirthDateAndSex() {
		IdNumber woman = new IdNumber("11010519491231002X");
		assertThat(woman.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
		assertThat(woman.sex()).isEqualTo('F');
		IdNumber man = new IdNumber("440524188001010014");
		assertThat(man.birthDate()).isEqualTo(LocalDate.of(1880, 1, 1));
		assertThat(man.sex()).isEqualTo('M');
		assertThat(man.areaCode()).isEqualTo("440524");
	}

	@Test
	void masksAllButAreaAndLastFour() {
		assertThat(IdNumber.mask("11010519491231002X")).isEqualTo("110105********002X");
		assertThat(new IdNumber("11010519491231002X").toString()).doesNotContain("19491231");
	}

	static Stream<Long> seeds() {
		return IntStream.range(0, 20).mapToObj(i -> 1000L + i);
	}

	/**
	 * Property: a generated number is valid, and changing any one digit makes it invalid.
	 */
	@ParameterizedTest
	@MethodSource("seeds")
	void singleDigitChangesAreAlwaysDetected(long seed) {
		SplittableRandom random = new SplittableRandom(seed);
		LocalDate birth = LocalDate.of(1940, 1, 1).plusDays(random.nextInt(25_000));
		int sequence = random.nextInt(1000);
		IdNumber id = IdNumber.of("130902", birth, sequence);
		assertThat(IdNumber.isValid(id.value(), TODAY)).isTrue();
		assertThat(id.birthDate()).isEqualTo(birth);
		assertThat(id.sex()).isEqualTo(sequence % 2 == 1 ? 'M' : 'F');
		int position = random.nextInt(17);
		char original = id.value().charAt(position);
		char changed = (char) ('0' + (original - '0' + 1 + random.nextInt(9)) % 10);
		String mutated = id.value().substring(0, position) + changed + id.value().substring(position + 1);
		assertThat(IdNumber.checkCharacter(mutated.substring(0, 17))).isNotEqualTo(mutated.charAt(17));
	}

}

package cn.huoxian.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Production hashes passwords with BCrypt's factor 10 unless told otherwise (the tests'
 * profile lowers it), and a hash made with one factor is still matched under another.
 */
class PasswordSettingsTests {

	private static PasswordSettings bound(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("huoxian.passwords",
				PasswordSettings.class);
	}

	@Test
	void productionHashesWithFactorTen() {
		PasswordSettings settings = bound(Map.of());
		assertThat(settings.bcryptStrength()).isEqualTo(10);
		assertThat(new SecurityConfig(null).passwordEncoder(settings).encode("Huoxian@2020"))
			.startsWith("{bcrypt}$2a$10$");
	}

	@Test
	void aHashKeepsTheFactorItWasMadeWith() {
		PasswordEncoder ten = new SecurityConfig(null).passwordEncoder(bound(Map.of()));
		PasswordEncoder four = new SecurityConfig(null)
			.passwordEncoder(bound(Map.of("huoxian.passwords.bcrypt-strength", "4")));
		String hash = ten.encode("Huoxian@2020");
		assertThat(four.matches("Huoxian@2020", hash)).isTrue();
		assertThat(four.matches("huoxian@2020", hash)).isFalse();
		assertThat(four.encode("x")).startsWith("{bcrypt}$2a$04$");
	}

}

package cn.huoxian.access;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How passwords are hashed ({@code huoxian.passwords.*}).
 *
 * @param bcryptStrength BCrypt's work factor for new hashes (each step doubles the work);
 * 10 in production, lowered only by the tests' profile, where thousands of sign-ins would
 * otherwise spend most of their time hashing. Stored hashes keep the factor they were
 * made with.
 */
@ConfigurationProperties("huoxian.passwords")
@Validated
record PasswordSettings(@DefaultValue("10") @Min(4) @Max(31) int bcryptStrength) {

}

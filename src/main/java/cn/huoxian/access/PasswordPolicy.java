package cn.huoxian.access;

import cn.huoxian.shared.InvalidInputException;
import cn.huoxian.shared.Messages;

/** At least 8 characters with letters and digits. */
final class PasswordPolicy {

	private PasswordPolicy() {
	}

	static void check(String password) {
		if (password == null || password.length() < 8 || !password.matches(".*[A-Za-z].*")
				|| !password.matches(".*\\d.*")) {
			throw new InvalidInputException("password", Messages.text("access.error.password"));
		}
	}

}

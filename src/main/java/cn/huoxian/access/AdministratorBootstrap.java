package cn.huoxian.access;

import java.util.List;

import cn.huoxian.shared.CitySettings;
import cn.huoxian.shared.Role;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Outside the demo profile there are no default passwords: the first start creates the
 * city administrator from HUOXIAN_ADMIN_PASSWORD, and refuses to start without it.
 */
@Component
@Profile("!demo")
@Order(0)
class AdministratorBootstrap implements ApplicationRunner {

	private final Accounts accounts;

	private final String password;

	private final String cityCode;

	AdministratorBootstrap(Accounts accounts, AccessSettings settings, CitySettings city) {
		this.accounts = accounts;
		this.password = settings.admin().password();
		this.cityCode = city.cityCode();
	}

	@Override
	public void run(ApplicationArguments args) {
		if (accounts.anyAdministrator()) {
			return;
		}
		if (password == null || password.isBlank()) {
			throw new IllegalStateException("No administrator account exists and no password was given for one. "
					+ "Set the environment variable HUOXIAN_ADMIN_PASSWORD (at least 8 characters, letters and digits) "
					+ "and start again: the account 'admin' is created with it.");
		}
		accounts.create(new NewAccount("admin", password, Role.CITY_ADMIN, null, List.of(ScopeRoot.region(cityCode))));
	}

}

package cn.huoxian.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import cn.huoxian.access.Accounts;
import org.junit.jupiter.api.Test;

/**
 * What tells a demo city from a real deployment (bench refuses on the latter): all the
 * demo accounts, not the administrator alone.
 */
class DemoCityMarkTests {

	private final Accounts accounts = mock(Accounts.class);

	private final DemoCity demoCity = new DemoCity(null, accounts, null, null, null, null, null, null, null);

	@Test
	void aDatabaseWithEveryDemoAccountHoldsTheDemoCity() {
		when(accounts.exists(anyString())).thenReturn(true);
		assertThat(demoCity.holdsDemoCity()).isTrue();
	}

	@Test
	void aRealDeploymentWithItsAdministratorOnlyDoesNot() {
		when(accounts.exists("admin")).thenReturn(true);
		assertThat(demoCity.isGenerated()).isTrue();
		assertThat(demoCity.holdsDemoCity()).isFalse();
	}

}

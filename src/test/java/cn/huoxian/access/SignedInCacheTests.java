package cn.huoxian.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import cn.huoxian.shared.DataScope;
import cn.huoxian.shared.Role;
import org.junit.jupiter.api.Test;

class SignedInCacheTests {

	private final SignedInCache cache = new SignedInCache();

	private final AtomicInteger lookUps = new AtomicInteger();

	private final Instant now = Instant.parse("2026-12-06T10:00:00Z");

	private final AccountPrincipal admin = new AccountPrincipal(1, "admin", null, Role.CITY_ADMIN, List.of(),
			DataScope.none());

	private Optional<SignedInCache.LiveToken> live(Instant expiresAt) {
		lookUps.incrementAndGet();
		return Optional.of(new SignedInCache.LiveToken(admin, expiresAt));
	}

	@Test
	void aLiveTokenIsLookedUpOnceWhileNothingChanges() {
		for (int i = 0; i < 5; i++) {
			assertThat(cache.token("h", now, () -> live(now.plusSeconds(3600)))).contains(admin);
		}
		assertThat(lookUps).hasValue(1);
	}

	@Test
	void aChangeToAccountsOrTokensForgetsWhatWasKept() {
		cache.token("h", now, () -> live(now.plusSeconds(3600)));
		cache.changed();
		cache.token("h", now, () -> live(now.plusSeconds(3600)));
		assertThat(lookUps).hasValue(2);
	}

	@Test
	void aLookUpThatRanBesideAChangeIsNotKept() {
		// the look-up read the row before the change committed: what it found must not
		// outlive the change
		cache.token("h", now, () -> {
			cache.changed();
			return live(now.plusSeconds(3600));
		});
		cache.token("h", now, () -> live(now.plusSeconds(3600)));
		assertThat(lookUps).hasValue(2);
	}

	@Test
	void aKeptTokenEndsWithItsExpiry() {
		cache.token("h", now, () -> live(now.plusSeconds(1)));
		assertThat(cache.token("h", now.plusSeconds(1), Optional::empty)).isEmpty();
	}

	@Test
	void refusalsAreNotKept() {
		assertThat(cache.token("h", now, Optional::empty)).isEmpty();
		assertThat(cache.token("h", now, () -> live(now.plusSeconds(3600)))).contains(admin);
		assertThat(lookUps).hasValue(1);
	}

	@Test
	void aSessionsAccountIsKeptUntilAChange() {
		var account = new SignedInCache.SessionAccount(true, null, null);
		for (int i = 0; i < 3; i++) {
			cache.account(7, () -> {
				lookUps.incrementAndGet();
				return Optional.of(account);
			});
		}
		assertThat(lookUps).hasValue(1);
		cache.changed();
		var locked = new SignedInCache.SessionAccount(true, now.plusSeconds(900), now);
		assertThat(cache.account(7, () -> Optional.of(locked))).contains(locked);
		// a locked account is read again: the end of its lock shows at once
		var unlocked = new SignedInCache.SessionAccount(true, null, now);
		assertThat(cache.account(7, () -> Optional.of(unlocked))).contains(unlocked);
	}

}

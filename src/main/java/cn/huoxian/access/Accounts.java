package cn.huoxian.access;

import static cn.huoxian.db.Tables.ACCOUNT;
import static cn.huoxian.db.Tables.ACCOUNT_SCOPE;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import cn.huoxian.db.tables.records.AccountRecord;
import cn.huoxian.org.PartyOrganisations;
import cn.huoxian.org.Regions;
import cn.huoxian.org.Units;
import cn.huoxian.shared.DataScope;
import cn.huoxian.shared.InvalidInputException;
import cn.huoxian.shared.Messages;
import cn.huoxian.shared.RegionPath;
import cn.huoxian.shared.Role;
import org.jooq.DSLContext;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts and their scope roots; resolves a scope into the paths and ids queries filter
 * by.
 */
@Service
public class Accounts {

	private final DSLContext db;

	private final PasswordEncoder passwords;

	private final Regions regions;

	private final Units units;

	private final PartyOrganisations partyOrganisations;

	Accounts(DSLContext db, PasswordEncoder passwords, Regions regions, Units units,
			PartyOrganisations partyOrganisations) {
		this.db = db;
		this.passwords = passwords;
		this.regions = regions;
		this.units = units;
		this.partyOrganisations = partyOrganisations;
	}

	@Transactional
	public long create(NewAccount account) {
		if (account.username() == null || !account.username().matches("[A-Za-z0-9_.-]{2,50}")) {
			throw new InvalidInputException("username", Messages.text("access.error.username"));
		}
		PasswordPolicy.check(account.password());
		if (exists(account.username())) {
			throw new InvalidInputException("username", Messages.text("access.error.username-taken"));
		}
		for (ScopeRoot root : account.scopes()) {
			resolve(List.of(root), null);
		}
		AccountRecord record = db.newRecord(ACCOUNT);
		record.setUsername(account.username());
		record.setPasswordHash(passwords.encode(account.password()));
		record.setRole(account.role().name());
		record.setPersonId(account.personId());
		record.store();
		for (ScopeRoot root : account.scopes()) {
			db.insertInto(ACCOUNT_SCOPE, ACCOUNT_SCOPE.ACCOUNT_ID, ACCOUNT_SCOPE.KIND, ACCOUNT_SCOPE.CODE)
				.values(record.getId(), root.kind().name(), root.code())
				.execute();
		}
		return record.getId();
	}

	public boolean exists(String username) {
		return db.fetchExists(ACCOUNT, ACCOUNT.USERNAME.eq(username));
	}

	/**
	 * The person an account is linked to (e.g. the visitor of bench's visits), if any.
	 */
	public Optional<Long> personOf(String username) {
		return record(username).map(AccountRecord::getPersonId);
	}

	public boolean anyAdministrator() {
		return db.fetchExists(ACCOUNT, ACCOUNT.ROLE.eq(Role.CITY_ADMIN.name()));
	}

	Optional<AccountRecord> record(String username) {
		return db.selectFrom(ACCOUNT).where(ACCOUNT.USERNAME.eq(username)).fetchOptional();
	}

	Optional<AccountRecord> record(long id) {
		return db.selectFrom(ACCOUNT).where(ACCOUNT.ID.eq(id)).fetchOptional();
	}

	/**
	 * Builds the principal for an account: its role and its scope resolved to paths and
	 * ids.
	 */
	AccountPrincipal principal(AccountRecord account) {
		List<ScopeRoot> roots = db.select(ACCOUNT_SCOPE.KIND, ACCOUNT_SCOPE.CODE)
			.from(ACCOUNT_SCOPE)
			.where(ACCOUNT_SCOPE.ACCOUNT_ID.eq(account.getId()))
			.orderBy(ACCOUNT_SCOPE.ID)
			.fetch(r -> new ScopeRoot(ScopeRoot.Kind.valueOf(r.value1()), r.value2()));
		Role role = Role.valueOf(account.getRole());
		return new AccountPrincipal(account.getId(), account.getUsername(), account.getPersonId(), role, roots,
				resolve(roots, account.getPersonId()));
	}

	private DataScope resolve(List<ScopeRoot> roots, Long selfPersonId) {
		List<RegionPath> paths = new ArrayList<>();
		List<Long> unitIds = new ArrayList<>();
		List<String> orgPaths = new ArrayList<>();
		for (ScopeRoot root : roots) {
			switch (root.kind()) {
				case REGION -> paths.add(regions.byCode(root.code())
					.orElseThrow(() -> new InvalidInputException("scopes",
							Messages.text("access.error.scope.region", root.code())))
					.path());
				case UNIT -> unitIds.add(units.byCode(root.code())
					.orElseThrow(() -> new InvalidInputException("scopes",
							Messages.text("access.error.scope.unit", root.code())))
					.id());
				case ORGANISATION -> orgPaths.add(partyOrganisations.byCode(root.code())
					.orElseThrow(() -> new InvalidInputException("scopes",
							Messages.text("access.error.scope.party-organisation", root.code())))
					.orgPath());
			}
		}
		return new DataScope(paths, unitIds, orgPaths, selfPersonId);
	}

}

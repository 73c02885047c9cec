package cn.huoxian.org;

import static cn.huoxian.db.Tables.REGION;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.Nullable;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A region's name by its code for pages that hold only the code (lists of units, persons,
 * rounds): {@code ${@regionNames.of(u.regionCode)}}. Names are kept once read (a city has
 * about 12,600 regions) and forgotten when a region is renamed, after the commit.
 */
@Component("regionNames")
public class RegionNames {

	private final DSLContext db;

	private final Map<String, String> names = new ConcurrentHashMap<>();

	RegionNames(DSLContext db) {
		this.db = db;
	}

	/** The region's name, or the code itself when there is no such region. */
	public String of(@Nullable String code) {
		if (code == null || code.isBlank()) {
			return "";
		}
		String name = names.computeIfAbsent(code,
				c -> db.select(REGION.NAME).from(REGION).where(REGION.CODE.eq(c)).fetchOne(REGION.NAME));
		return name == null ? code : name;
	}

	/**
	 * The names of a region's ancestors below the city, top down (a grid's county,
	 * township and community), for ledgers that name each row's place beside its code;
	 * empty for an unknown code.
	 */
	public java.util.List<String> above(String code) {
		String path = db.select(REGION.PATH).from(REGION).where(REGION.CODE.eq(code)).fetchOne(REGION.PATH);
		if (path == null) {
			return java.util.List.of();
		}
		java.util.List<String> codes = cn.huoxian.shared.RegionPath.of(path).codes();
		return codes.subList(Math.min(1, codes.size()), Math.max(1, codes.size() - 1)).stream().map(this::of).toList();
	}

	/**
	 * Forgets a renamed region's name once the renaming commits (at once off a
	 * transaction).
	 */
	void renamed(String code) {
		names.remove(code);
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					names.remove(code);
				}
			});
		}
	}

}

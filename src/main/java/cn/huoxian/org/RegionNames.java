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
	 * A region's name as a person's place reads: a grid with its village or community
	 * ("建设北街社区 第1网格"), since every community has a "第1网格"; other regions by their name.
	 */
	public String withCommunity(@Nullable String code) {
		if (code == null || code.length() != GRID_CODE_LENGTH) {
			return of(code);
		}
		String community = code.substring(0, GRID_CODE_LENGTH - 3);
		String name = of(community);
		return name.equals(community) ? of(code) : name + " " + of(code);
	}

	/** A grid's code: its community's twelve digits and three of its own. */
	private static final int GRID_CODE_LENGTH = 15;

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
	 * Where a region lies, for ledger rows: the names of its county, township, community
	 * and grid (blank where the region is above that level), e.g. a grid's four names.
	 */
	public java.util.List<String> place(String code) {
		java.util.List<String> names = new java.util.ArrayList<>(above(code));
		if (!names.isEmpty() || !of(code).equals(code)) {
			names.add(of(code));
		}
		while (names.size() < PLACE_LEVELS) {
			names.add("");
		}
		return java.util.List.copyOf(names.subList(0, PLACE_LEVELS));
	}

	/** County, township, community, grid. */
	public static final int PLACE_LEVELS = 4;

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

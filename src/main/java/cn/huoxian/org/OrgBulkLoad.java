package cn.huoxian.org;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import cn.huoxian.shared.bulk.Identities;
import cn.huoxian.shared.bulk.IndexRebuild;
import cn.huoxian.shared.bulk.RowSink;
import org.springframework.stereotype.Component;

/**
 * Loads the organisation network in bulk (the demo city's generator): regions, units,
 * party organisations, buildings and households given as typed rows, streamed through a
 * {@link RowSink} on the caller's connection and in its transaction. The ids are assigned
 * here, after those already stored; {@link Load#finish()} then adds to the regions'
 * counters, links units to their party organisations and moves the identity columns past
 * the ids used. On PostgreSQL the large tables' indexes can be dropped for the load and
 * rebuilt after it ({@link #dropIndexes}).
 */
@Component
public class OrgBulkLoad {

	/** The tables loaded, parents first. */
	static final List<String> TABLES = List.of("region", "unit", "party_organisation", "building", "household");

	/**
	 * The tables that hold millions of rows at full scale; the small ones keep their
	 * indexes.
	 */
	static final List<String> LARGE_TABLES = List.of("building", "household");

	/** A region below an existing one. */
	public record RegionRow(String code, String name, RegionLevel level, long parentId, String path) {
	}

	/** A unit in a region (its path). */
	public record UnitRow(String code, String name, UnitKind kind, long regionId, String path) {
	}

	/**
	 * A party organisation; its organisation path is the parent's followed by its own id.
	 * With a unit it becomes that unit's party organisation; with a category it is a
	 * temporary one set up at a post.
	 */
	public record PartyOrganisationRow(String code, String name, PartyOrganisationKind kind, Long parentId,
			String parentOrgPath, long regionId, String path, Long unitId, TemporaryCategory category, String post,
			LocalDate setUpOn) {
	}

	/**
	 * A household in a grid (its path) and building; text may be a reusable builder, it
	 * is copied before the call returns.
	 */
	public record HouseholdRow(long regionId, long buildingId, String path, CharSequence address, CharSequence door,
			int residents) {
	}

	/**
	 * Starts a load into this sink on this connection; the sink takes the rows of the
	 * organisation's tables, so start before a load into the tables that reference them.
	 */
	public Load start(Connection connection, RowSink sink) throws SQLException {
		return new Load(connection, sink);
	}

	/**
	 * PostgreSQL only, in the caller's transaction: drops the large tables' indexes and
	 * constraints for a COPY; {@link IndexRebuild#restore()} analyses the loaded tables
	 * and rebuilds them. Tables that reference these must have theirs dropped first.
	 */
	public IndexRebuild dropIndexes(Connection connection, Consumer<String> log) throws SQLException {
		return IndexRebuild.drop(connection, LARGE_TABLES, TABLES, log);
	}

	/** One load: typed rows in, ids out. */
	public static final class Load {

		private final Connection connection;

		private final RowSink sink;

		private final RowSink.Table region;

		private final RowSink.Table unit;

		private final RowSink.Table partyOrganisation;

		private final RowSink.Table building;

		private final RowSink.Table household;

		private final RowSink.Table[] tables;

		private final long[] firstId;

		private final long[] nextId;

		private final List<long[]> counters = new ArrayList<>();

		private final List<long[]> unitOrganisations = new ArrayList<>();

		private Load(Connection connection, RowSink sink) throws SQLException {
			this.connection = connection;
			this.sink = sink;
			this.region = sink.table("region", "id bigint", "code text", "name text", "region_level text",
					"parent_id bigint", "path text");
			this.unit = sink.table("unit", "id bigint", "code text", "name text", "kind text", "region_id bigint",
					"path text");
			this.partyOrganisation = sink.table("party_organisation", "id bigint", "code text", "name text",
					"kind text", "parent_id bigint", "org_path text", "region_id bigint", "path text", "unit_id bigint",
					"temporary bool", "category text", "post text", "set_up_on date", "dissolved_on date");
			this.building = sink.table("building", "id bigint", "region_id bigint", "path text", "name text");
			this.household = sink.table("household", "id bigint", "region_id bigint", "building_id bigint", "path text",
					"address text", "door text", "residents int");
			this.tables = new RowSink.Table[] { region, unit, partyOrganisation, building, household };
			this.nextId = Identities.next(connection, tables);
			this.firstId = nextId.clone();
		}

		/** The id of a region stored before the load. */
		public long existingRegion(String code) throws SQLException {
			try (PreparedStatement query = connection.prepareStatement("select id from region where code = ?")) {
				query.setString(1, code);
				try (ResultSet rs = query.executeQuery()) {
					if (!rs.next()) {
						throw new IllegalStateException("no region " + code);
					}
					return rs.getLong(1);
				}
			}
		}

		public long region(RegionRow row) throws SQLException {
			long id = nextId[0]++;
			sink.row(region)
				.value(id)
				.value(row.code())
				.value(row.name())
				.value(row.level().name())
				.value(row.parentId())
				.value(row.path())
				.end();
			return id;
		}

		public long unit(UnitRow row) throws SQLException {
			long id = nextId[1]++;
			sink.row(unit)
				.value(id)
				.value(row.code())
				.value(row.name())
				.value(row.kind().name())
				.value(row.regionId())
				.value(row.path())
				.end();
			return id;
		}

		public long partyOrganisation(PartyOrganisationRow row) throws SQLException {
			long id = nextId[2]++;
			TemporaryCategory category = row.category();
			sink.row(partyOrganisation)
				.value(id)
				.value(row.code())
				.value(row.name())
				.value(row.kind().name())
				.value(row.parentId())
				.value(row.parentOrgPath() + id + "/")
				.value(row.regionId())
				.value(row.path())
				.value(row.unitId())
				.value(category != null)
				.value(category == null ? null : category.name())
				.value(row.post())
				.value(row.setUpOn())
				.nul()
				.end();
			if (row.unitId() != null) {
				unitOrganisations.add(new long[] { row.unitId(), id });
			}
			return id;
		}

		/** A building in a grid (its path); the name may be a reusable builder. */
		public long building(long regionId, String path, CharSequence name) throws SQLException {
			long id = nextId[3]++;
			sink.row(building).value(id).value(regionId).value(path).value(name).end();
			return id;
		}

		public long household(HouseholdRow row) throws SQLException {
			long id = nextId[4]++;
			sink.row(household)
				.value(id)
				.value(row.regionId())
				.value(row.buildingId())
				.value(row.path())
				.value(row.address())
				.value(row.door())
				.value(row.residents())
				.end();
			return id;
		}

		/**
		 * Adds to a region's counters at {@link #finish()}: the households, residents,
		 * party members and cadres loaded under it (the caller counts them as it loads).
		 */
		public void addToCounters(long regionId, long households, long residents, long partyMembers, long cadres) {
			counters.add(new long[] { regionId, households, residents, partyMembers, cadres });
		}

		/**
		 * Writes what is still buffered, then the counters, the units' party
		 * organisations and the identity columns moved past the ids used.
		 */
		public void finish() throws SQLException {
			sink.flush();
			try (PreparedStatement update = connection.prepareStatement(
					"update region set households = households + ?, residents = residents + ?, party_members = party_members + ?, cadres = cadres + ? where id = ?")) {
				for (long[] row : counters) {
					update.setLong(1, row[1]);
					update.setLong(2, row[2]);
					update.setLong(3, row[3]);
					update.setLong(4, row[4]);
					update.setLong(5, row[0]);
					update.addBatch();
				}
				update.executeBatch();
			}
			try (PreparedStatement update = connection
				.prepareStatement("update unit set party_organisation_id = ? where id = ?")) {
				for (long[] row : unitOrganisations) {
					update.setLong(1, row[1]);
					update.setLong(2, row[0]);
					update.addBatch();
				}
				update.executeBatch();
			}
			Identities.restart(connection, tables, nextId);
		}

		public long regions() {
			return nextId[0] - firstId[0];
		}

		public long households() {
			return nextId[4] - firstId[4];
		}

		/** Rows loaded into all the organisation's tables. */
		public long rows() {
			long rows = 0;
			for (int i = 0; i < tables.length; i++) {
				rows += nextId[i] - firstId[i];
			}
			return rows;
		}

	}

}

package cn.huoxian.people;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

import cn.huoxian.shared.bulk.Identities;
import cn.huoxian.shared.bulk.IndexRebuild;
import cn.huoxian.shared.bulk.RowSink;
import org.springframework.stereotype.Component;

/**
 * Loads persons and their roles in bulk (the demo city's generator), given as typed rows
 * and streamed through a {@link RowSink} on the caller's connection and in its
 * transaction. The persons' ids are assigned here, after those already stored;
 * {@link Load#finish()} moves the identity columns past the ids used. The households,
 * regions, units and party organisations the rows name must be loaded before (or on
 * another connection with the foreign keys dropped: {@link #dropIndexes}).
 */
@Component
public class PeopleBulkLoad {

	/** The tables loaded, parents first. */
	static final List<String> TABLES = List.of("person", "person_role");

	/**
	 * A resident: text may be a reusable builder, it is copied before the call returns;
	 * sex is 'M' or 'F' as in the ID number.
	 */
	public record PersonRow(CharSequence name, CharSequence idNumber, LocalDate birthDate, char sex, CharSequence phone,
			long householdId, long regionId, String path) {
	}

	/** A role of a person; one factory per kind gives the columns that kind uses. */
	public record RoleRow(long personId, RoleKind role, CadreRank rank, String position, Long unitId,
			Long partyOrganisationId, LocalDate joinedOn, Membership membership, String institution, String department,
			Long dispatchingUnitId, Long villageId) {

		public static RoleRow cadre(long personId, CadreRank rank, String position, Long unitId) {
			return new RoleRow(personId, RoleKind.CADRE, rank, position, unitId, null, null, null, null, null, null,
					null);
		}

		public static RoleRow partyMember(long personId, long partyOrganisationId, LocalDate joinedOn,
				Membership membership) {
			return new RoleRow(personId, RoleKind.PARTY_MEMBER, null, null, null, partyOrganisationId, joinedOn,
					membership, null, null, null, null);
		}

		public static RoleRow medicalStaff(long personId, String institution, String department) {
			return new RoleRow(personId, RoleKind.MEDICAL_STAFF, null, null, null, null, null, null, institution,
					department, null, null);
		}

		public static RoleRow volunteer(long personId) {
			return new RoleRow(personId, RoleKind.VOLUNTEER, null, null, null, null, null, null, null, null, null,
					null);
		}

		public static RoleRow firstSecretary(long personId, long dispatchingUnitId, long villageId) {
			return new RoleRow(personId, RoleKind.FIRST_SECRETARY, null, null, null, null, null, null, null, null,
					dispatchingUnitId, villageId);
		}

	}

	/**
	 * Starts a load into this sink on this connection (start the loads of the tables
	 * these rows reference first when they share the sink).
	 */
	public Load start(Connection connection, RowSink sink) throws SQLException {
		return new Load(connection, sink);
	}

	/**
	 * PostgreSQL only, in the caller's transaction: drops the persons' and roles' indexes
	 * and constraints for a COPY; {@link IndexRebuild#restore()} analyses the tables and
	 * rebuilds them.
	 */
	public IndexRebuild dropIndexes(Connection connection, Consumer<String> log) throws SQLException {
		return IndexRebuild.drop(connection, TABLES, TABLES, log);
	}

	/** One load: typed rows in, person ids out. */
	public static final class Load {

		private final Connection connection;

		private final RowSink sink;

		private final RowSink.Table person;

		private final RowSink.Table personRole;

		private final RowSink.Table[] tables;

		private final long[] firstId;

		private final long[] nextId;

		private Load(Connection connection, RowSink sink) throws SQLException {
			this.connection = connection;
			this.sink = sink;
			this.person = sink.table("person", "id bigint", "name text", "id_number text", "birth_date date",
					"sex text", "phone text", "household_id bigint", "region_id bigint", "path text");
			this.personRole = sink.table("person_role", "id bigint", "person_id bigint", "role text", "rank text",
					"position text", "unit_id bigint", "party_organisation_id bigint", "joined_on date",
					"membership text", "institution text", "department text", "dispatching_unit_id bigint",
					"village_id bigint");
			this.tables = new RowSink.Table[] { person, personRole };
			this.nextId = Identities.next(connection, tables);
			this.firstId = nextId.clone();
		}

		public long person(PersonRow row) throws SQLException {
			long id = nextId[0]++;
			sink.row(person)
				.value(id)
				.value(row.name())
				.value(row.idNumber())
				.value(row.birthDate())
				.value(sex(row.sex()))
				.value(row.phone())
				.value(row.householdId())
				.value(row.regionId())
				.value(row.path())
				.end();
			return id;
		}

		private static String sex(char sex) {
			return switch (sex) {
				case 'M' -> "M";
				case 'F' -> "F";
				default -> throw new IllegalArgumentException("sex is M or F, not " + sex);
			};
		}

		public void role(RoleRow row) throws SQLException {
			sink.row(personRole)
				.value(nextId[1]++)
				.value(row.personId())
				.value(row.role().name())
				.value(row.rank() == null ? null : row.rank().name())
				.value(row.position())
				.value(row.unitId())
				.value(row.partyOrganisationId())
				.value(row.joinedOn())
				.value(row.membership() == null ? null : row.membership().name())
				.value(row.institution())
				.value(row.department())
				.value(row.dispatchingUnitId())
				.value(row.villageId())
				.end();
		}

		/**
		 * Writes what is still buffered, then moves the identity columns past the ids
		 * used.
		 */
		public void finish() throws SQLException {
			sink.flush();
			Identities.restart(connection, tables, nextId);
		}

		public long persons() {
			return nextId[0] - firstId[0];
		}

		/** Rows loaded into persons and roles. */
		public long rows() {
			return persons() + nextId[1] - firstId[1];
		}

	}

}

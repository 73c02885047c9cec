package cn.huoxian.demo;

import java.sql.SQLException;

/**
 * Where generated rows go: batched INSERTs (any database) or COPY (PostgreSQL). Rows of a parent
 * table are always written before those of its children, whatever order they were added in.
 */
interface RowSink extends AutoCloseable {

	/** Tables in foreign-key order, with the columns each row gives. */
	enum Table {

		REGION("region", "id", "code", "name", "region_level", "parent_id", "path"),
		UNIT("unit", "id", "code", "name", "kind", "region_id", "path"),
		PARTY_ORGANISATION("party_organisation", "id", "code", "name", "kind", "parent_id", "org_path", "region_id",
				"path", "unit_id", "temporary", "category", "post", "set_up_on", "dissolved_on"),
		BUILDING("building", "id", "region_id", "path", "name"),
		HOUSEHOLD("household", "id", "region_id", "building_id", "path", "address", "door", "residents"),
		PERSON("person", "id", "name", "id_number", "birth_date", "sex", "phone", "household_id", "region_id",
				"path"),
		PERSON_ROLE("person_role", "id", "person_id", "role", "rank", "position", "unit_id",
				"party_organisation_id", "joined_on", "membership", "institution", "department",
				"dispatching_unit_id", "village_id");

		final String name;

		final String[] columns;

		Table(String name, String... columns) {
			this.name = name;
			this.columns = columns;
		}

	}

	void add(Table table, Object... row) throws SQLException;

	/** Writes everything buffered, parents first. */
	void flush() throws SQLException;

	long rows(Table table);

	@Override
	default void close() throws SQLException {
		flush();
	}

}

package cn.huoxian.demo;

import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * Where generated rows go: batched INSERTs (any database) or COPY (PostgreSQL). A row is
 * written value by value in column order, without boxing:
 * {@code sink.row(T).value(..)...end()}. Rows of a parent table are always written before
 * those of its children, whatever order they were added in. Character values may be
 * reusable builders: a sink copies them before {@link #end()} returns.
 */
interface RowSink extends AutoCloseable {

	/** A column's SQL type, as far as writing a value needs it. */
	enum Type {

		BIGINT(Types.BIGINT), INT(Types.INTEGER), TEXT(Types.VARCHAR), DATE(Types.DATE), BOOL(Types.BOOLEAN);

		final int sqlType;

		Type(int sqlType) {
			this.sqlType = sqlType;
		}

	}

	/** Tables in foreign-key order, with the columns (and their types) each row gives. */
	enum Table {

		REGION("region", "id bigint", "code text", "name text", "region_level text", "parent_id bigint", "path text"),
		UNIT("unit", "id bigint", "code text", "name text", "kind text", "region_id bigint", "path text"),
		PARTY_ORGANISATION("party_organisation", "id bigint", "code text", "name text", "kind text", "parent_id bigint",
				"org_path text", "region_id bigint", "path text", "unit_id bigint", "temporary bool", "category text",
				"post text", "set_up_on date", "dissolved_on date"),
		BUILDING("building", "id bigint", "region_id bigint", "path text", "name text"),
		HOUSEHOLD("household", "id bigint", "region_id bigint", "building_id bigint", "path text", "address text",
				"door text", "residents int"),
		PERSON("person", "id bigint", "name text", "id_number text", "birth_date date", "sex text", "phone text",
				"household_id bigint", "region_id bigint", "path text"),
		PERSON_ROLE("person_role", "id bigint", "person_id bigint", "role text", "rank text", "position text",
				"unit_id bigint", "party_organisation_id bigint", "joined_on date", "membership text",
				"institution text", "department text", "dispatching_unit_id bigint", "village_id bigint");

		final String name;

		final String[] columns;

		final Type[] types;

		Table(String name, String... columns) {
			this.name = name;
			this.columns = Arrays.stream(columns).map(c -> c.split(" ")[0]).toArray(String[]::new);
			this.types = Arrays.stream(columns)
				.map(c -> Type.valueOf(c.split(" ")[1].toUpperCase()))
				.toArray(Type[]::new);
		}

		String columnList() {
			return String.join(", ", columns);
		}

	}

	/**
	 * Starts a row of this table; give every column in order, then call {@link #end()}.
	 */
	RowSink row(Table table);

	/** A BIGINT or INT column. */
	RowSink value(long value);

	/** A nullable BIGINT column. */
	default RowSink value(Long value) {
		return value == null ? nul() : value(value.longValue());
	}

	/** A text column; null writes NULL. */
	RowSink value(CharSequence value);

	/** A date column; null writes NULL. */
	RowSink value(LocalDate value);

	RowSink value(boolean value);

	RowSink nul();

	/** Ends the row; may write buffered rows. */
	void end() throws SQLException;

	/** Writes everything buffered, parents first, and waits until it is written. */
	void flush() throws SQLException;

	long rows(Table table);

	@Override
	default void close() throws SQLException {
		flush();
	}

}

package cn.huoxian.shared.bulk;

import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Types;
import java.util.Collection;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jooq.Binding;
import org.jooq.BindingGetResultSetContext;
import org.jooq.BindingGetSQLInputContext;
import org.jooq.BindingGetStatementContext;
import org.jooq.BindingRegisterContext;
import org.jooq.BindingSQLContext;
import org.jooq.BindingSetSQLOutputContext;
import org.jooq.BindingSetStatementContext;
import org.jooq.Condition;
import org.jooq.Converter;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.Select;
import org.jooq.conf.ParamType;
import org.jooq.impl.CustomCondition;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Arrays bound as arrays of their SQL type: {@code field = any(array)} for a set of keys,
 * and {@code unnest(array, …)} to insert many rows with one statement.
 * <p>
 * jOOQ binds an array to PostgreSQL as text cast to the array type; the planner cannot
 * fold that cast, so a sequential scan or a join parses the whole array again for every
 * row it looks at (a 500-key lookup in a 30,000-row table took 20 s instead of 15 ms,
 * docs/BENCHMARKS.md). Bound here with {@code createArrayOf}, the array is one typed
 * parameter whatever plan is chosen. On H2 the array is bound as a Java array.
 */
public final class SqlArrays {

	// built once: a data type's constructor normalises its name with regular expressions,
	// 5 % of the server's CPU under load when each array made its own (issue 13)
	private static final DataType<Long[]> LONGS = arrayType(SQLDataType.BIGINT, "bigint", "int8");

	private static final DataType<UUID[]> UUIDS = arrayType(SQLDataType.UUID, "uuid", "uuid");

	private static final DataType<String[]> TEXTS = arrayType(SQLDataType.VARCHAR, "varchar", "varchar");

	private static final DataType<Integer[]> INTEGERS = arrayType(SQLDataType.INTEGER, "integer", "int4");

	private static final DataType<Boolean[]> BOOLEANS = arrayType(SQLDataType.BOOLEAN, "boolean", "bool");

	private static final DataType<java.math.BigDecimal[]> DECIMALS = arrayType(SQLDataType.NUMERIC, "numeric",
			"numeric");

	private static final DataType<java.time.OffsetDateTime[]> INSTANTS = arrayType(SQLDataType.TIMESTAMPWITHTIMEZONE,
			"timestamp with time zone", "timestamptz");

	private static final DataType<java.time.LocalDate[]> DATES = arrayType(SQLDataType.LOCALDATE, "date", "date");

	private SqlArrays() {
	}

	/**
	 * {@code field = any(ids)}, one typed array parameter however many ids; on H2 an
	 * {@code IN} list, which H2 looks up in an index key by key where it reads every row
	 * of the other condition's range for {@code = any(array)} and compares it with each
	 * element (the demo's emergency: a visit batch's household states took 40 ms per
	 * batch and grew with the campaign).
	 */
	public static Condition anyOf(Field<Long> field, Collection<Long> ids) {
		return onH2AsIn(field.eq(DSL.any(longs(ids))), field, ids);
	}

	/** {@code field = any(ids)} for UUID keys (an IN list on H2). */
	public static Condition anyOfUuids(Field<UUID> field, Collection<UUID> ids) {
		return onH2AsIn(field.eq(DSL.any(uuids(ids))), field, ids);
	}

	/** {@code field = any(values)} for text keys (an IN list on H2). */
	public static Condition anyOfTexts(Field<String> field, Collection<String> values) {
		return onH2AsIn(field.eq(DSL.any(texts(values))), field, values);
	}

	private static <T> Condition onH2AsIn(Condition any, Field<T> field, Collection<T> values) {
		if (values.isEmpty()) {
			return DSL.falseCondition();
		}
		Condition in = field.in(values);
		return CustomCondition.of(ctx -> ctx.visit(ctx.family() == SQLDialect.H2 ? in : any));
	}

	public static Field<Long[]> longs(Collection<Long> values) {
		return DSL.val(values.toArray(Long[]::new), LONGS);
	}

	public static Field<UUID[]> uuids(Collection<UUID> values) {
		return DSL.val(values.toArray(UUID[]::new), UUIDS);
	}

	public static Field<String[]> texts(Collection<String> values) {
		return DSL.val(values.toArray(String[]::new), TEXTS);
	}

	public static Field<Integer[]> integers(Collection<Integer> values) {
		return DSL.val(values.toArray(Integer[]::new), INTEGERS);
	}

	public static Field<Boolean[]> booleans(Collection<Boolean> values) {
		return DSL.val(values.toArray(Boolean[]::new), BOOLEANS);
	}

	public static Field<java.math.BigDecimal[]> decimals(Collection<java.math.BigDecimal> values) {
		return DSL.val(values.toArray(java.math.BigDecimal[]::new), DECIMALS);
	}

	public static Field<java.time.OffsetDateTime[]> instants(Collection<java.time.OffsetDateTime> values) {
		return DSL.val(values.toArray(java.time.OffsetDateTime[]::new), INSTANTS);
	}

	public static Field<java.time.LocalDate[]> dates(Collection<java.time.LocalDate> values) {
		return DSL.val(values.toArray(java.time.LocalDate[]::new), DATES);
	}

	/**
	 * The rows of equally long arrays, one column per array ({@code unnest(a, b, …)}):
	 * {@code insertInto(table, List.of(columns…)).select(rows(arrays…))} writes them all
	 * with one statement, parsed and planned once, instead of one statement per row.
	 */
	public static Select<Record> rows(Field<?>... arrays) {
		return DSL.select(DSL.asterisk()).from(DSL.table("unnest({0})", DSL.list(arrays)));
	}

	// not null: DSL.val asks a non-null value's type for notNull(), which builds a new
	// converted type unless the type already is (3.7 % of a new server's samples under
	// visit ingestion, and one of the larger methods its JIT compiled)
	private static <T> DataType<T[]> arrayType(DataType<T> element, String sqlType, String pgType) {
		DataType<T[]> arrayType = element.getArrayDataType();
		return arrayType.asConvertedDataType(new TypedArray<>(arrayType.getType(), sqlType, pgType)).notNull();
	}

	/**
	 * Renders {@code cast(? as <type> array)} (accepted by both databases) and binds a
	 * typed array: PostgreSQL's {@code createArrayOf}, H2's Java array.
	 */
	private record TypedArray<T>(Class<T[]> type, String sqlType, String pgType) implements Binding<T[], T[]> {

		@Override
		public Converter<T[], T[]> converter() {
			return Converter.ofNullable(type, type, a -> a, a -> a);
		}

		@Override
		public void sql(BindingSQLContext<T[]> ctx) {
			if (ctx.render().paramType() == ParamType.INLINED) {
				ctx.render().sql("cast(").visit(DSL.inline(literal(ctx.value()))).sql(" as " + sqlType + " array)");
			}
			else {
				ctx.render().sql("cast(").sql(ctx.variable()).sql(" as " + sqlType + " array)");
			}
		}

		/** {a,b,"c d"}: only for logs that show the statement with its values. */
		private static String literal(Object[] values) {
			return values == null ? null
					: Stream.of(values)
						.map(v -> v == null ? "NULL" : "\"" + v.toString().replace("\"", "\\\"") + "\"")
						.collect(Collectors.joining(",", "{", "}"));
		}

		@Override
		public void set(BindingSetStatementContext<T[]> ctx) throws SQLException {
			T[] values = ctx.value();
			if (values == null) {
				ctx.statement().setNull(ctx.index(), Types.ARRAY);
			}
			else if (ctx.family() == SQLDialect.POSTGRES) {
				ctx.statement().setArray(ctx.index(), ctx.statement().getConnection().createArrayOf(pgType, values));
			}
			else {
				ctx.statement().setObject(ctx.index(), values);
			}
		}

		@Override
		public void register(BindingRegisterContext<T[]> ctx) throws SQLException {
			throw new SQLFeatureNotSupportedException("an array parameter is only bound");
		}

		@Override
		public void set(BindingSetSQLOutputContext<T[]> ctx) throws SQLException {
			throw new SQLFeatureNotSupportedException("an array parameter is only bound");
		}

		@Override
		public void get(BindingGetResultSetContext<T[]> ctx) throws SQLException {
			throw new SQLFeatureNotSupportedException("an array parameter is only bound");
		}

		@Override
		public void get(BindingGetStatementContext<T[]> ctx) throws SQLException {
			throw new SQLFeatureNotSupportedException("an array parameter is only bound");
		}

		@Override
		public void get(BindingGetSQLInputContext<T[]> ctx) throws SQLException {
			throw new SQLFeatureNotSupportedException("an array parameter is only bound");
		}

	}

}

package cn.huoxian.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import cn.huoxian.support.SqlTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The tables a visit batch and its record entries append to hold no foreign key to
 * another module's rows or to the campaign row all batches share (V24, V25, ADR 36), on
 * both databases: the constraint names the migrations drop differ between them.
 */
@SqlTest
class HotPathKeysTests {

	@Autowired
	DSLContext db;

	@Test
	void noForeignKeys() {
		assertThat(foreignKeys()).isEmpty();
	}

	/** Table and column of every foreign key of the hot path's tables. */
	private List<String> foreignKeys() {
		return db.fetch("""
				select k.table_name || '.' || k.column_name
				from information_schema.table_constraints c
				join information_schema.key_column_usage k
				  on k.constraint_name = c.constraint_name and k.table_name = c.table_name
				where c.constraint_type = 'FOREIGN KEY'
				  and lower(c.table_name) in ('screening_visit', 'screening_visit_resident', 'screening_household',
				                              'record_entry')
				order by 1""").map(r -> r.get(0, String.class).toLowerCase());
	}

}

package cn.huoxian.shared;

import java.util.List;

/**
 * Tables a module updates in place many times a second (its tallies and counters): on
 * PostgreSQL without autovacuum, as some installations run, their dead row versions pile
 * up and every read of a hot row, and the planning of it, walks them. The module names
 * its own; {@code shared.bulk.HotTableVacuum} vacuums them.
 */
public interface HotTables {

	List<String> hotTables();

}

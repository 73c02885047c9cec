/**
 * The bench command: server-time measurements of the city's hot reads (tree pages, person
 * lookups, household pages) on a generated city, with warm-up, medians and 95th
 * percentiles.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Benchmarks")
package cn.huoxian.bench;

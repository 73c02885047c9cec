/**
 * Streaming bulk loads, naming no table: rows written value by value into batched INSERTs
 * or PostgreSQL's binary COPY ({@link cn.huoxian.shared.bulk.RowSink}), and the dropping
 * and rebuilding of a large table's indexes around a COPY
 * ({@link cn.huoxian.shared.bulk.IndexRebuild}). The module that owns a table registers
 * it with its columns and offers the typed bulk operation.
 */
package cn.huoxian.shared.bulk;

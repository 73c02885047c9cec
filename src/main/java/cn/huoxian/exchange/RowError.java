package cn.huoxian.exchange;

/**
 * One problem in an import file: the row as the spreadsheet numbers it (the header is row
 * 1), the column's English name, the header as written in the file, and the reason.
 */
public record RowError(int row, String column, String header, Reason reason) {
}

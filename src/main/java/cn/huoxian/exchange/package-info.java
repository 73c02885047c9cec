/**
 * Import and export: registries (regions, households, residents) and the visits of a
 * screening campaign imported from .xlsx and .csv all or nothing, and the household
 * ledger streamed to .xlsx.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Import and export")
package cn.huoxian.exchange;

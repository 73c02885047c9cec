/**
 * Inspections (下沉督导): a cadre's visit with its four looks, the rectifications it asks for
 * and their closing with evidence, and the inspection ledger.
 */
@cn.huoxian.shared.OwnsTables({ "inspection", "inspection_look", "rectification" })
@org.springframework.modulith.ApplicationModule(displayName = "Inspection")
package cn.huoxian.inspection;

/**
 * Protective supplies (物资保障, issue 15): items, stocks held at regions, communities'
 * requests, allocation from a stock above, delivery confirmed by the community, and a
 * ledger of every movement; a stock never goes below zero.
 */
@cn.huoxian.shared.OwnsTables({ "supply_item", "supply_stock", "supply_request", "supply_movement" })
@org.springframework.modulith.ApplicationModule(displayName = "Supplies")
package cn.huoxian.supplies;

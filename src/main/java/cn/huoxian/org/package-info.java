/**
 * The organisation network: regions from the city down to grids, buildings, households,
 * units and party organisations (including temporary ones), with counters maintained at
 * every region.
 */
@cn.huoxian.shared.OwnsTables({ "region", "building", "household", "unit", "party_organisation" })
@org.springframework.modulith.ApplicationModule(displayName = "Organisation network")
package cn.huoxian.org;

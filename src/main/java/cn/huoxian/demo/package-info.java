/**
 * The demo city: a deterministic generator of Cangzhou (real city and county codes,
 * synthetic townships, villages, grids, households and people), its deployment network,
 * the emergency as it stands on the day of generation (an open campaign, isolation cases,
 * an assessment round), its demo accounts, and the generate command.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo city")
package cn.huoxian.demo;

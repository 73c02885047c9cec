/**
 * The deployment network: cadres at their posts (one cadre, one position), liaison groups
 * and unit-community pairings (五个一) with their shortages, four-looks inspections and
 * rectifications, party members at the front (temporary organisations, commando teams,
 * zones, model posts, battle requests, 1+10 household links, claimed posts) and first
 * secretaries back in their villages.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Deployment")
package cn.huoxian.deployment;

/**
 * The jOOQ classes generated at build time from the Flyway migrations; open to every
 * module.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package cn.huoxian.db;

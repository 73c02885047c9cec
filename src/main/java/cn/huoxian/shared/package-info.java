/**
 * Small cross-cutting types: ID numbers, region paths, data scope, paging and API errors.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package cn.huoxian.shared;

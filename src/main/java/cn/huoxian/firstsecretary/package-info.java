/**
 * First secretaries (驻村第一书记): their return to their villages, their work log and the
 * support requests their dispatching units answer.
 */
@cn.huoxian.shared.OwnsTables({ "first_secretary_return", "first_secretary_log", "support_request" })
@org.springframework.modulith.ApplicationModule(displayName = "First secretaries")
package cn.huoxian.firstsecretary;

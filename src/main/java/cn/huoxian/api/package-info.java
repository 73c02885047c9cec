/**
 * The API's request handling shared by every module: {@code Idempotency-Key} on
 * {@code POST /api/v1/**}, so a retried request replays the first answer instead of
 * writing twice.
 */
@cn.huoxian.shared.OwnsTables({ "idempotent_request" })
@org.springframework.modulith.ApplicationModule(displayName = "API")
package cn.huoxian.api;

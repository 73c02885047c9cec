package cn.huoxian.access;

import java.io.Serializable;
import java.time.Instant;

/**
 * The details of a page session's sign-in: when it happened, so a later lock can end the
 * session.
 */
record SessionSignIn(Instant at, String remote) implements Serializable {
}

package cn.huoxian.vanguard.web;

import java.time.LocalDate;

import cn.huoxian.shared.PlausibleDate;

/** The body of an end (of a zone or a model post): {@code {"endedOn"}}. */
record EndBody(@PlausibleDate LocalDate endedOn) {
}

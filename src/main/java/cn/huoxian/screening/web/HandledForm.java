package cn.huoxian.screening.web;

import jakarta.validation.constraints.Size;

/** Marking a flag handled: an optional note, {@code {"note"}}. */
record HandledForm(@Size(max = 500, message = "{screening.field.too-long}") String note) {
}

package cn.huoxian.access;

import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.huoxian.shared.Messages;
import org.springframework.lang.Nullable;

/**
 * An audit entry's subject and detail in the reader's language. The log is never
 * rewritten: its rows keep the words they were written with, and the page reads the known
 * shapes (a person's id, "ID number and phone of …", "wrong password (2 in a row)", …)
 * into messages; anything else is shown as written.
 */
final class AuditWords {

	private record Shape(Pattern pattern, Function<Matcher, String> words) {
	}

	private static final List<Shape> DETAILS = List.of(
			shape("ID number and phone of (.+)", m -> Messages.text("audit.detail.revealed", m.group(1))),
			shape("wrong password \\((\\d+) in a row\\)", m -> Messages.text("audit.detail.wrongPassword", m.group(1))),
			shape("(unknown|disabled|locked|busy)", m -> Messages.text("audit.detail.refused." + m.group(1))),
			shape("(\\d+) failed logins in a row; locked for (\\d+) minutes, (\\d+) tokens revoked",
					m -> Messages.text("audit.detail.locked", m.group(1), m.group(2), m.group(3))),
			shape("(\\d+) failed rows", m -> Messages.text("audit.detail.discarded", m.group(1))),
			shape("(printable profile|profile) in assessment round (\\d+)", m -> Messages.text(
					m.group(1).startsWith("printable") ? "audit.detail.printedProfile" : "audit.detail.viewedProfile",
					m.group(2))));

	private static final List<Shape> SUBJECTS = List.of(
			shape("person[: ](\\d+)", m -> Messages.text("audit.subject.person", m.group(1))),
			shape("record_inbox", m -> Messages.text("audit.subject.recordInbox")));

	private AuditWords() {
	}

	private static Shape shape(String regex, Function<Matcher, String> words) {
		return new Shape(Pattern.compile(regex), words);
	}

	static @Nullable String detail(@Nullable String detail) {
		return words(detail, DETAILS);
	}

	static @Nullable String subject(@Nullable String subject) {
		return words(subject, SUBJECTS);
	}

	private static @Nullable String words(@Nullable String text, List<Shape> shapes) {
		if (text == null) {
			return null;
		}
		for (Shape shape : shapes) {
			Matcher m = shape.pattern().matcher(text);
			if (m.matches()) {
				return shape.words().apply(m);
			}
		}
		return text;
	}

}

package cn.huoxian.shared.web;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * A JSON string holding a NUL byte or half of a surrogate pair: no text field may store
 * either (PostgreSQL refuses NUL, and a lone surrogate is not text).
 */
class ForbiddenCharacterException extends MismatchedInputException {

	ForbiddenCharacterException(JsonParser parser) {
		super(parser, "forbidden character in text", String.class);
	}

}

package cn.huoxian.shared;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A write that would duplicate something that must be unique (one open isolation case per
 * person and type, one return per person and day): answers 409 naming the existing object
 * by its id and what identifies it, nothing else.
 */
public class DuplicateException extends RuntimeException {

	private final long existingId;

	private final Map<String, Object> existing;

	/**
	 * @param existing the existing object's identifying fields, in order; its id is added
	 * first
	 */
	public DuplicateException(String message, long existingId, Map<String, Object> existing) {
		super(message);
		this.existingId = existingId;
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("id", existingId);
		fields.putAll(existing);
		this.existing = Collections.unmodifiableMap(fields);
	}

	public long existingId() {
		return existingId;
	}

	/**
	 * The existing object's id and identifying fields, as the problem detail names them.
	 */
	public Map<String, Object> existing() {
		return existing;
	}

}

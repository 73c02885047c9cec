package cn.huoxian.shared;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list: {@code {"items":[...],"total":N,"page":P,"size":S}}. Pages count
 * from 0.
 */
public record PageResult<T>(List<T> items, long total, int page, int size) {

	public static final int MAX_SIZE = 500;

	public <R> PageResult<R> map(Function<T, R> mapper) {
		return new PageResult<>(items.stream().map(mapper).toList(), total, page, size);
	}

	public int pages() {
		return size == 0 ? 0 : (int) ((total + size - 1) / size);
	}

	/** Checks a requested page and size, answering a 400 for values out of range. */
	public static void check(int page, int size) {
		if (page < 0) {
			throw new InvalidInputException("page", Messages.text("problem.field.page"));
		}
		if (size < 1 || size > MAX_SIZE) {
			throw new InvalidInputException("size", Messages.text("problem.field.between", 1, MAX_SIZE));
		}
	}

}

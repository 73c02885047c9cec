package cn.huoxian.shared;

import java.util.List;
import java.util.function.Function;
import java.util.function.LongUnaryOperator;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One page of a list:
 * {@code {"items":[...],"total":N,"page":P,"size":S,"totalIsLowerBound":false}}. Pages
 * count from 0. A list whose exact count would be expensive may stop counting (see
 * {@link #bounded}): then {@code totalIsLowerBound} is true and more than {@code total}
 * rows match.
 */
public record PageResult<T>(List<T> items, long total, int page, int size,
		@Schema(description = "true when counting stopped: more than total rows match (the page is "
				+ "still followed by another while rows remain)") boolean totalIsLowerBound) {

	public static final int MAX_SIZE = 500;

	/**
	 * Where a bounded count stops on the first pages: the list says "more than 1,000".
	 */
	public static final int COUNT_BOUND = 1_000;

	/** A page with its exact total. */
	public PageResult(List<T> items, long total, int page, int size) {
		this(items, total, page, size, false);
	}

	/**
	 * A page whose total is counted only as far as it is needed: not at all when this
	 * page shows where the list ends, exactly up to {@link #COUNT_BOUND} (or up to one
	 * row past this page, when that is further), beyond it "more than" that many. Since
	 * that limit lies past this page, {@link #pages()} still shows a next page while rows
	 * remain. {@code countUpTo.applyAsLong(n)} counts the matching rows, stopping at
	 * {@code n}.
	 */
	public static <T> PageResult<T> bounded(List<T> items, int page, int size, LongUnaryOperator countUpTo) {
		long offset = (long) page * size;
		if (items.size() < size && (!items.isEmpty() || page == 0)) {
			return new PageResult<>(items, offset + items.size(), page, size);
		}
		long limit = Math.max(COUNT_BOUND, offset + size + 1);
		long counted = countUpTo.applyAsLong(limit + 1);
		return counted > limit ? new PageResult<>(items, limit, page, size, true)
				: new PageResult<>(items, counted, page, size);
	}

	public <R> PageResult<R> map(Function<T, R> mapper) {
		return new PageResult<>(items.stream().map(mapper).toList(), total, page, size, totalIsLowerBound);
	}

	/** The pages known: all of them, or with a lower bound those up to it. */
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

package cn.huoxian.exchange;

import java.util.List;

/**
 * A row import that lets something happen between its check pass and its write pass, as
 * another user would: the owner's bulk write must refuse what the check could not see.
 */
record CreatedAfterCheck(RowImport delegate, Runnable meanwhile) implements RowImport {

	@Override
	public void check(List<ImportRow> rows) {
		delegate.check(rows);
	}

	@Override
	public void checked() {
		delegate.checked();
		meanwhile.run();
	}

	@Override
	public void write(List<ImportRow> rows) {
		delegate.write(rows);
	}

	@Override
	public void written() {
		delegate.written();
	}

}

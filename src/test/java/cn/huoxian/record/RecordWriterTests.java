package cn.huoxian.record;

import static cn.huoxian.db.Tables.RECORD_FIGURE;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import cn.huoxian.support.SqlTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Figures follow the entries: a batch counts only what it added (repeats add nothing),
 * and the recount — used when the driver cannot tell which rows were new — sets a figure
 * to the person's count of entries whatever it was before.
 */
@SqlTest
class RecordWriterTests {

	@Autowired
	RecordWriter writer;

	@Autowired
	DSLContext db;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	Records records;

	private long somePerson() {
		return db.select(cn.huoxian.db.Tables.PERSON.ID)
			.from(cn.huoxian.db.Tables.PERSON)
			.orderBy(cn.huoxian.db.Tables.PERSON.ID.desc())
			.limit(1)
			.fetchOne(cn.huoxian.db.Tables.PERSON.ID);
	}

	private long figure(long person, EntryKind kind) {
		Long value = db.select(RECORD_FIGURE.FIGURE_VALUE)
			.from(RECORD_FIGURE)
			.where(RECORD_FIGURE.PERSON_ID.eq(person).and(RECORD_FIGURE.FIGURE.eq(kind.name())))
			.fetchOne(RECORD_FIGURE.FIGURE_VALUE);
		return value == null ? 0 : value;
	}

	@Test
	void takingSourcesOutRemovesTheirEntriesAndTheirCountsOnly() {
		long person = somePerson();
		String source = "TEST_OUT_" + System.nanoTime();
		List<Entry> entries = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			entries.add(new Entry(person, EntryKind.VISIT_MADE, OffsetDateTime.now(),
					EntryText.of(EntryKind.VISIT_MADE, "测试" + i), source, "k" + i,
					cn.huoxian.shared.RegionPath.root("130900")));
		}
		long before = figure(person, EntryKind.VISIT_MADE);
		transactions.execute(status -> writer.addAll(entries));
		assertThat(writer.present(source, List.of("k0", "k1", "k2", "k9"))).isEqualTo(3);

		transactions.executeWithoutResult(status -> writer.takeOut(source, List.of("k0", "k2")));

		assertThat(writer.present(source, List.of("k0", "k1", "k2"))).isEqualTo(1);
		assertThat(figure(person, EntryKind.VISIT_MADE)).isEqualTo(before + 1);
		transactions.executeWithoutResult(status -> writer.takeOut(source, List.of("k1")));
		assertThat(figure(person, EntryKind.VISIT_MADE)).isEqualTo(before);
	}

	@Test
	void thePersonWithTheMostEntriesHasTheLargestFigureTotal() {
		String source = "TEST_MOST_" + System.nanoTime();
		transactions.execute(status -> writer.add(new Entry(somePerson(), EntryKind.VISIT_MADE, OffsetDateTime.now(),
				EntryText.of(EntryKind.VISIT_MADE, "测试"), source, "k", cn.huoxian.shared.RegionPath.root("130900"))));
		var totals = db.select(RECORD_FIGURE.PERSON_ID, org.jooq.impl.DSL.sum(RECORD_FIGURE.FIGURE_VALUE))
			.from(RECORD_FIGURE)
			.groupBy(RECORD_FIGURE.PERSON_ID)
			.fetchMap(RECORD_FIGURE.PERSON_ID, r -> r.value2().longValue());
		long largest = totals.values().stream().max(Long::compare).orElseThrow();

		var most = records.mostEntries().orElseThrow();

		assertThat(most.entries()).isEqualTo(largest);
		assertThat(totals.get(most.personId())).isEqualTo(largest);
		transactions.executeWithoutResult(status -> writer.takeOut(source, List.of("k")));
	}

	@Test
	void figuresCountWhatWasAddedAndTheRecountRepairsThem() {
		long person = somePerson();
		String source = "TEST_" + System.nanoTime();
		List<Entry> entries = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			entries.add(new Entry(person, EntryKind.VISIT_MADE, OffsetDateTime.now(),
					EntryText.of(EntryKind.VISIT_MADE, "测试" + i), source, "k" + i,
					cn.huoxian.shared.RegionPath.root("130900")));
		}
		long before = figure(person, EntryKind.VISIT_MADE);
		Integer first = transactions.execute(status -> writer.addAll(entries));
		assertThat(first).isEqualTo(5);
		// the same five again, and two new ones: two added
		List<Entry> again = new ArrayList<>(entries);
		again.add(new Entry(person, EntryKind.VISIT_MADE, OffsetDateTime.now(),
				EntryText.of(EntryKind.VISIT_MADE, "测试5"), source, "k5", cn.huoxian.shared.RegionPath.root("130900")));
		again.add(new Entry(person, EntryKind.VISIT_MADE, OffsetDateTime.now(),
				EntryText.of(EntryKind.VISIT_MADE, "测试6"), source, "k6", cn.huoxian.shared.RegionPath.root("130900")));
		Integer second = transactions.execute(status -> writer.addAll(again));
		assertThat(second).isEqualTo(2);
		assertThat(figure(person, EntryKind.VISIT_MADE)).isEqualTo(before + 7);

		long entriesOfPerson = db.fetchCount(cn.huoxian.db.Tables.RECORD_ENTRY,
				cn.huoxian.db.Tables.RECORD_ENTRY.PERSON_ID.eq(person)
					.and(cn.huoxian.db.Tables.RECORD_ENTRY.KIND.eq(EntryKind.VISIT_MADE.name())));
		db.update(RECORD_FIGURE)
			.set(RECORD_FIGURE.FIGURE_VALUE, 999_999L)
			.where(RECORD_FIGURE.PERSON_ID.eq(person).and(RECORD_FIGURE.FIGURE.eq(EntryKind.VISIT_MADE.name())))
			.execute();
		transactions.executeWithoutResult(status -> writer.recount(again));
		assertThat(figure(person, EntryKind.VISIT_MADE)).isEqualTo(entriesOfPerson);

		db.deleteFrom(cn.huoxian.db.Tables.RECORD_ENTRY)
			.where(cn.huoxian.db.Tables.RECORD_ENTRY.SOURCE_TYPE.eq(source))
			.execute();
		transactions.executeWithoutResult(status -> writer.recount(again));
		assertThat(figure(person, EntryKind.VISIT_MADE)).isEqualTo(entriesOfPerson - 7);
	}

	@Test
	void aBatchAddsEachSourceOnceAndCountsPerPersonAndKind() {
		List<Long> persons = db.select(cn.huoxian.db.Tables.PERSON.ID)
			.from(cn.huoxian.db.Tables.PERSON)
			.orderBy(cn.huoxian.db.Tables.PERSON.ID.desc())
			.limit(2)
			.fetch(cn.huoxian.db.Tables.PERSON.ID);
		long a = persons.get(0);
		long b = persons.get(1);
		String source = "TEST_MIX_" + System.nanoTime();
		var path = cn.huoxian.shared.RegionPath.root("130900");
		OffsetDateTime at = OffsetDateTime.now();
		long aVisits = figure(a, EntryKind.VISIT_MADE);
		long aContacts = figure(a, EntryKind.ISOLATION_CONTACT);
		long bVisits = figure(b, EntryKind.VISIT_MADE);
		// the same source twice in one batch, one source for two persons and two kinds
		List<Entry> batch = List.of(
				new Entry(a, EntryKind.VISIT_MADE, at, EntryText.of(EntryKind.VISIT_MADE, "1"), source, "k1", path),
				new Entry(a, EntryKind.VISIT_MADE, at, EntryText.of(EntryKind.VISIT_MADE, "1 again"), source, "k1",
						path),
				new Entry(b, EntryKind.VISIT_MADE, at, EntryText.of(EntryKind.VISIT_MADE, "2"), source, "k2", path),
				new Entry(a, EntryKind.VISIT_MADE, at, EntryText.of(EntryKind.VISIT_MADE, "2"), source, "k2", path),
				new Entry(a, EntryKind.ISOLATION_CONTACT, at, EntryText.of(EntryKind.VISIT_MADE, "2"), source, "k2",
						path),
				new Entry(a, EntryKind.VISIT_MADE, at, EntryText.of(EntryKind.VISIT_MADE, "3"), source, "k3", null));

		assertThat((Integer) transactions.execute(status -> writer.addAll(batch))).isEqualTo(5);
		assertThat((Integer) transactions.execute(status -> writer.addAll(batch))).isZero();

		assertThat(figure(a, EntryKind.VISIT_MADE)).isEqualTo(aVisits + 3);
		assertThat(figure(a, EntryKind.ISOLATION_CONTACT)).isEqualTo(aContacts + 1);
		assertThat(figure(b, EntryKind.VISIT_MADE)).isEqualTo(bVisits + 1);
		assertThat(db.fetchCount(cn.huoxian.db.Tables.RECORD_ENTRY,
				cn.huoxian.db.Tables.RECORD_ENTRY.SOURCE_TYPE.eq(source)))
			.isEqualTo(5);
		transactions.executeWithoutResult(status -> writer.takeOut(source, List.of("k1", "k2", "k3")));
	}

}

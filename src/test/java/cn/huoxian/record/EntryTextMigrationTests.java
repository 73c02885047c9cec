package cn.huoxian.record;

import static cn.huoxian.db.Tables.PERSON;
import static cn.huoxian.db.Tables.RECORD_ENTRY;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import cn.huoxian.support.SqlTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;

/**
 * Issue 14: V28 turns the sentences entries were stored as into a key and arguments, on
 * H2 and PostgreSQL. Each recognised sentence reads in Chinese exactly as it was written
 * and in English in English; an unrecognised one reads as written.
 */
@SqlTest
class EntryTextMigrationTests {

	private static final String MIGRATION = "db/migration/V28__record_entry_text_in_no_language.sql";

	@Autowired
	DSLContext db;

	@Test
	void everySentenceAnEarlierVersionWroteReadsAsBeforeAndInEnglish() throws IOException {
		Map<String, EntryKind> sentences = new LinkedHashMap<>();
		sentences.put("入户排查：新华路3号楼2单元101", EntryKind.VISIT_MADE);
		sentences.put("入户排查：新华路3号楼2单元102（无人在家）", EntryKind.VISIT_MADE);
		sentences.put("到岗：高速口卡点（值守）", EntryKind.DEPLOYMENT_STARTED);
		sentences.put("离岗：建设北街社区", EntryKind.DEPLOYMENT_ENDED);
		sentences.put("下沉督导（四看）：车站街道", EntryKind.INSPECTION_MADE);
		sentences.put("整改销号：卡口人员不足", EntryKind.RECTIFICATION_CLOSED);
		sentences.put("整改销号：台账不全（逾期）", EntryKind.RECTIFICATION_CLOSED);
		sentences.put("隔离人员每日联系（视频，已联系）", EntryKind.ISOLATION_CONTACT);
		sentences.put("隔离人员每日联系（上门，未联系上）", EntryKind.ISOLATION_CONTACT);
		sentences.put("隔离人员每日联系（电话，已联系）", EntryKind.ISOLATION_CONTACT);
		sentences.put("为隔离人员送达：代购降压药", EntryKind.NEED_DELIVERED);
		sentences.put("请战获批：人民医院隔离病区", EntryKind.BATTLE_REQUEST_ACCEPTED);
		sentences.put("加入建设北街党员突击队", EntryKind.TEAM_JOINED);
		sentences.put("解决社区短缺：医用外科口罩 2000", EntryKind.SHORTAGE_RESOLVED);
		sentences.put("驻村第一书记返岗：小王庄村", EntryKind.FIRST_SECRETARY_RETURNED);
		sentences.put("问责：诫勉（县级）未按要求上报", EntryKind.ACCOUNTABILITY);
		sentences.put("问责：通报批评（市级）卡口脱岗", EntryKind.ACCOUNTABILITY);
		sentences.put("工作纪实：走访隔离户12户", EntryKind.WORK_LOG);
		String source = "TEST_V28_" + System.nanoTime();
		long person = db.select(PERSON.ID).from(PERSON).orderBy(PERSON.ID).limit(1).fetchOne(PERSON.ID);
		int key = 0;
		for (var sentence : sentences.entrySet()) {
			insert(person, sentence.getValue(), sentence.getKey(), source, "k" + key++);
		}
		insert(person, EntryKind.WORK_LOG, "一句认不出的旧话", source, "unknown");

		assertThat(migrate()).as("the migration's updates").isGreaterThan(15);

		Map<String, String> stored = db.select(RECORD_ENTRY.SOURCE_ID, RECORD_ENTRY.SUMMARY)
			.from(RECORD_ENTRY)
			.where(RECORD_ENTRY.SOURCE_TYPE.eq(source))
			.fetchMap(RECORD_ENTRY.SOURCE_ID, RECORD_ENTRY.SUMMARY);
		key = 0;
		for (String sentence : sentences.keySet()) {
			EntryText text = EntryText.decode(stored.get("k" + key++));
			assertThat(text.key()).as(sentence).isNotEqualTo(EntryText.PLAIN);
			assertThat(text.render(Locale.SIMPLIFIED_CHINESE)).isEqualTo(sentence);
			assertThat(text.render(Locale.ENGLISH)).as(sentence)
				.isNotEqualTo(sentence)
				.doesNotContain("record.")
				.doesNotContain("isolation.");
		}
		EntryText unknown = EntryText.decode(stored.get("unknown"));
		assertThat(unknown.key()).isEqualTo(EntryText.PLAIN);
		assertThat(unknown.render(Locale.ENGLISH)).isEqualTo("一句认不出的旧话");
	}

	private void insert(long person, EntryKind kind, String summary, String source, String id) {
		OffsetDateTime now = OffsetDateTime.now();
		db.insertInto(RECORD_ENTRY)
			.set(RECORD_ENTRY.PERSON_ID, person)
			.set(RECORD_ENTRY.KIND, kind.name())
			.set(RECORD_ENTRY.OCCURRED_AT, now)
			.set(RECORD_ENTRY.BUSINESS_DAY, now.toLocalDate())
			.set(RECORD_ENTRY.SUMMARY, summary)
			.set(RECORD_ENTRY.SOURCE_TYPE, source)
			.set(RECORD_ENTRY.SOURCE_ID, id)
			.execute();
	}

	/** The migration's updates again (rows already in the new form are left alone). */
	private long migrate() throws IOException {
		String script = new ClassPathResource(MIGRATION).getContentAsString(StandardCharsets.UTF_8);
		String statements = script.lines()
			.filter(line -> !line.strip().startsWith("--"))
			.reduce("", (a, b) -> a + "\n" + b);
		return Arrays.stream(statements.split(";"))
			.map(String::strip)
			.filter(statement -> statement.startsWith("update"))
			.peek(db::execute)
			.count();
	}

}

package cn.huoxian.screening;

import static cn.huoxian.db.Tables.SCREENING_FLAG;

import java.time.Clock;
import java.time.OffsetDateTime;

import cn.huoxian.org.RegionView;
import cn.huoxian.org.Regions;
import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.DataScope;
import cn.huoxian.shared.ForbiddenException;
import cn.huoxian.shared.Messages;
import cn.huoxian.shared.NotFoundException;
import cn.huoxian.shared.PageResult;
import cn.huoxian.shared.ReferenceNotFoundException;
import cn.huoxian.shared.RegionPath;
import jakarta.annotation.Nullable;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Residents flagged by visits, listed per region until someone records how they were
 * handled.
 */
@Service
public class Flags {

	private final DSLContext db;

	private final Regions regions;

	private final Clock clock;

	private final cn.huoxian.people.People people;

	Flags(DSLContext db, Regions regions, Clock clock, cn.huoxian.people.People people) {
		this.people = people;
		this.db = db;
		this.regions = regions;
		this.clock = clock;
	}

	/** One flagged resident. */
	public record FlagView(long id, long campaignId, long personId, String personName, RegionPath path, String flags,
			OffsetDateTime raisedAt, @Nullable OffsetDateTime handledAt, @Nullable String handledBy,
			@Nullable String note) {
	}

	public PageResult<FlagView> list(String regionCode, boolean openOnly, int page, int size, DataScope scope) {
		PageResult.check(page, size);
		RegionView region = regions.find(regionCode, scope);
		Condition where = cn.huoxian.shared.DataScope.under(SCREENING_FLAG.PATH, region.path());
		if (openOnly) {
			where = where.and(SCREENING_FLAG.HANDLED_AT.isNull());
		}
		long total = db.fetchCount(SCREENING_FLAG, where);
		var rows = db.selectFrom(SCREENING_FLAG)
			.where(where)
			.orderBy(SCREENING_FLAG.RAISED_AT.desc(), SCREENING_FLAG.ID.desc())
			.limit(size)
			.offset((long) page * size)
			.fetch();
		java.util.Map<Long, String> names = people.names(
				rows.stream().map(r -> r.get(SCREENING_FLAG.PERSON_ID)).collect(java.util.stream.Collectors.toSet()));
		var items = rows.stream()
			.map(r -> new FlagView(r.get(SCREENING_FLAG.ID), r.get(SCREENING_FLAG.CAMPAIGN_ID),
					r.get(SCREENING_FLAG.PERSON_ID), names.get(r.get(SCREENING_FLAG.PERSON_ID)),
					RegionPath.of(r.get(SCREENING_FLAG.PATH)), r.get(SCREENING_FLAG.FLAGS),
					r.get(SCREENING_FLAG.RAISED_AT), r.get(SCREENING_FLAG.HANDLED_AT), r.get(SCREENING_FLAG.HANDLED_BY),
					r.get(SCREENING_FLAG.NOTE)))
			.toList();
		return new PageResult<>(items, total, page, size);
	}

	/**
	 * Marks a flag handled (e.g. an isolation case opened, or a doctor cleared the
	 * resident).
	 */
	@Transactional
	/**
	 * Checks that a request field names a flag the caller may read: one they cannot read
	 * answers exactly like a missing one (404 naming the field).
	 */
	public void resolve(String field, long flagId, DataScope scope) {
		String path = db.select(SCREENING_FLAG.PATH)
			.from(SCREENING_FLAG)
			.where(SCREENING_FLAG.ID.eq(flagId))
			.fetchOne(SCREENING_FLAG.PATH);
		if (!scope.coversRegion(RegionPath.of(path))) {
			throw new ReferenceNotFoundException(field);
		}
	}

	public void handle(long flagId, String note, CurrentUser user) {
		user.requirePeopleEditor();
		String path = db.select(SCREENING_FLAG.PATH)
			.from(SCREENING_FLAG)
			.where(SCREENING_FLAG.ID.eq(flagId))
			.fetchOne(SCREENING_FLAG.PATH);
		if (path == null) {
			throw new NotFoundException(Messages.text("screening.what.flag", flagId));
		}
		if (!user.scope().coversRegion(RegionPath.of(path))) {
			throw new ForbiddenException(Messages.text("screening.problem.flag-outside-scope", flagId));

		}
		db.update(SCREENING_FLAG)
			.set(SCREENING_FLAG.HANDLED_AT, OffsetDateTime.now(clock))
			.set(SCREENING_FLAG.HANDLED_BY, user.username())
			.set(SCREENING_FLAG.NOTE, note == null ? null : note.strip())
			.where(SCREENING_FLAG.ID.eq(flagId))
			.and(SCREENING_FLAG.HANDLED_AT.isNull())
			.execute();
	}

}

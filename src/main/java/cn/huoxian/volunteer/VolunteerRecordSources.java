package cn.huoxian.volunteer;

import static cn.huoxian.db.Tables.VOLUNTEER_CLAIM;
import static cn.huoxian.db.Tables.VOLUNTEER_NEED;

import java.util.List;
import java.util.function.Consumer;

import cn.huoxian.org.Regions;
import cn.huoxian.record.Entry;
import cn.huoxian.record.EntryKind;
import cn.huoxian.record.EntryText;
import cn.huoxian.record.RecordInbox;
import cn.huoxian.record.TableSource;
import cn.huoxian.shared.RegionPath;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What 双报到 contributes to the performance record: 志愿服务, a member's confirmed service with
 * the community, the work and the hours.
 */
@Component
class VolunteerRecordSources extends TableSource {

	VolunteerRecordSources(DSLContext db, RecordInbox inbox) {
		super(db, inbox, "VOLUNTEER_CLAIM");
	}

	@EventListener
	void on(ServiceHoursConfirmed event) {
		queue(event.claimId());
	}

	@Override
	protected Condition rows(List<String> keys) {
		return ids(VOLUNTEER_CLAIM.ID, keys);
	}

	@Override
	protected void entries(Condition which, Consumer<Entry> entries) {
		var community = Regions.nameOf(VOLUNTEER_NEED.COMMUNITY_ID);
		each(db
			.select(VOLUNTEER_CLAIM.ID, VOLUNTEER_CLAIM.PERSON_ID, VOLUNTEER_CLAIM.CONFIRMED_AT, VOLUNTEER_NEED.KIND,
					VOLUNTEER_NEED.TITLE, VOLUNTEER_NEED.SERVICE_DAY, VOLUNTEER_NEED.COMMUNITY_PATH, community)
			.from(VOLUNTEER_CLAIM)
			.join(VOLUNTEER_NEED)
			.on(VOLUNTEER_NEED.ID.eq(VOLUNTEER_CLAIM.NEED_ID))
			.where(which.and(VOLUNTEER_CLAIM.STATUS.eq(ClaimStatus.CONFIRMED.name()))), r -> {
				entries.accept(new Entry(r.get(VOLUNTEER_CLAIM.PERSON_ID), EntryKind.SERVICE_HOURS,
						r.get(VOLUNTEER_CLAIM.CONFIRMED_AT),
						EntryText.of(EntryKind.SERVICE_HOURS, r.get(community),
								EntryText.label("volunteer.kind." + r.get(VOLUNTEER_NEED.KIND)),
								r.get(VOLUNTEER_NEED.TITLE), r.get(VOLUNTEER_NEED.SERVICE_DAY).toString()),
						type(), String.valueOf(r.get(VOLUNTEER_CLAIM.ID)),
						RegionPath.of(r.get(VOLUNTEER_NEED.COMMUNITY_PATH))));
			});
	}

}

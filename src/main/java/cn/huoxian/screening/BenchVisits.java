package cn.huoxian.screening;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.huoxian.org.HouseholdView;
import cn.huoxian.org.Households;
import cn.huoxian.people.People;
import cn.huoxian.shared.BusinessDay;
import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.PageResult;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * For benchmarks only: makes sure the city holds a number of screening visits that name
 * their visitor (bench publishes their events again to time the record), recording the
 * missing ones through {@link Visits#record} as the batch API does — in the newest open
 * campaign of the whole city, or in one opened for it — a few households at the end of
 * each grid given, every registered resident present at 36.5 °C. Then, as autovacuum
 * would, the screening tables are analysed. Idempotent: a city that has the visits (an
 * earlier bench, the load test) gets none.
 */
@Component
public class BenchVisits {

	private static final Logger log = LoggerFactory.getLogger(BenchVisits.class);

	private static final BigDecimal NORMAL = new BigDecimal("36.5");

	private final Visits visits;

	private final Campaigns campaigns;

	private final Households households;

	private final People people;

	private final DSLContext db;

	private final Clock clock;

	BenchVisits(Visits visits, Campaigns campaigns, Households households, People people, DSLContext db, Clock clock) {
		this.visits = visits;
		this.campaigns = campaigns;
		this.households = households;
		this.people = people;
		this.db = db;
		this.clock = clock;
	}

	/**
	 * Records visits until {@code wanted} name a visitor, as {@code user} (who must have
	 * a person: the visitor) in the city {@code cityCode}, spread over these grids; the
	 * number recorded.
	 */
	public int ensure(int wanted, String cityCode, List<String> grids, CurrentUser user) {
		int present = visits.withVisitor(wanted).size();
		if (present >= wanted) {
			log.info("{} screening visits with a visitor: none recorded", present);
			return 0;
		}
		if (user.personId() == null) {
			throw new IllegalArgumentException("bench visits need a visitor: a user with a person");
		}
		long start = System.nanoTime();
		CampaignView campaign = openCampaign(cityCode, user);
		List<VisitInput> batch = new ArrayList<>(Visits.MAX_BATCH);
		int recorded = 0;
		for (HouseholdView household : households(wanted - present, grids, user)) {
			batch.add(covered(household.id()));
			if (batch.size() == Visits.MAX_BATCH) {
				recorded += record(campaign, batch, user);
			}
		}
		recorded += record(campaign, batch, user);
		analyse();
		log.info("Recorded {} screening visits in campaign {} for the bench in {} ms", recorded, campaign.id(),
				(System.nanoTime() - start) / 1_000_000);
		return recorded;
	}

	/** The newest open campaign of the whole city, or a new one open from yesterday. */
	private CampaignView openCampaign(String cityCode, CurrentUser user) {
		return campaigns.list(user.scope())
			.stream()
			.filter(c -> c.rootRegion().equals(cityCode) && !c.hasTargetList() && c.open())
			.findFirst()
			.orElseGet(() -> {
				LocalDate today = BusinessDay.today(clock);
				return campaigns.create(
						new CampaignForm("bench " + today, cityCode, today.minusDays(1), today.plusDays(1), null),
						user);
			});
	}

	/**
	 * Up to {@code count} households, the last few of each grid in turn, then the few
	 * before those, while the grids have more: the blind-spot pages list a grid's
	 * uncovered households from its first, so the bench's visits do not move what they
	 * measure.
	 */
	private List<HouseholdView> households(int count, List<String> grids, CurrentUser user) {
		int perGrid = Math.min(PageResult.MAX_SIZE, Math.max(1, (count + grids.size() - 1) / grids.size()));
		long[] pages = new long[grids.size()];
		for (int g = 0; g < grids.size(); g++) {
			pages[g] = households.list(grids.get(g), 0, 1, user.scope()).total() / perGrid;
		}
		List<HouseholdView> found = new ArrayList<>(count);
		for (int back = 1, before = -1; found.size() < count && found.size() > before; back++) {
			before = found.size();
			for (int g = 0; g < grids.size() && found.size() < count; g++) {
				if (pages[g] - back >= 0) {
					List<HouseholdView> items = households
						.list(grids.get(g), (int) (pages[g] - back), perGrid, user.scope())
						.items();
					found.addAll(items.subList(0, Math.min(items.size(), count - found.size())));
				}
			}
		}
		if (found.size() < count) {
			throw new IllegalStateException("the bench needs " + count + " households to visit in " + grids.size()
					+ " grids; they hold " + found.size());
		}
		return found;
	}

	private static VisitInput covered(long household) {
		return new VisitInput(UUID.randomUUID(), household, null, Outcome.COVERED, List.of(), List.of());
	}

	/**
	 * Records the batch (every registered resident present, visited now) and empties it.
	 */
	private int record(CampaignView campaign, List<VisitInput> batch, CurrentUser user) {
		if (batch.isEmpty()) {
			return 0;
		}
		OffsetDateTime now = OffsetDateTime.now(clock);
		Map<Long, Map<Long, String>> residents = people
			.residentNames(batch.stream().map(VisitInput::householdId).toList());
		List<VisitInput> complete = batch.stream()
			.map(v -> new VisitInput(v.visitId(), v.householdId(), now, Outcome.COVERED,
					residents.getOrDefault(v.householdId(), Map.of())
						.keySet()
						.stream()
						.sorted()
						.map(person -> new VisitInput.ResidentCheck(person, ResidentStatus.PRESENT, null, NORMAL, null))
						.toList(),
					List.of()))
			.toList();
		batch.clear();
		return visits.record(campaign.id(), complete, user).accepted();
	}

	/** Fresh statistics for the tables the visits went to, as autovacuum would take. */
	private void analyse() {
		cn.huoxian.shared.bulk.Statistics.refresh(db, cn.huoxian.db.Tables.SCREENING_VISIT,
				cn.huoxian.db.Tables.SCREENING_VISIT_RESIDENT, cn.huoxian.db.Tables.SCREENING_HOUSEHOLD,
				cn.huoxian.db.Tables.SCREENING_COUNTER);
	}

}

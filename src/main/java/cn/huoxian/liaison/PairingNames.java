package cn.huoxian.liaison;

import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import cn.huoxian.org.RegionView;
import cn.huoxian.org.Regions;
import cn.huoxian.org.UnitView;
import cn.huoxian.org.Units;
import cn.huoxian.people.People;
import org.springframework.stereotype.Component;

/**
 * The names pairings show — units, communities and persons — read from their owners in
 * one query per kind for a batch of rows (unscoped: the rows were already filtered by
 * scope).
 */
@Component
class PairingNames {

	private final People people;

	private final Regions regions;

	private final Units units;

	PairingNames(People people, Regions regions, Units units) {
		this.people = people;
		this.regions = regions;
		this.units = units;
	}

	/** The names of these rows' units, communities and persons (any number per row). */
	<R> Batch of(Collection<R> rows, Function<R, Long> unit, Function<R, Long> community, Collection<Long> personIds) {
		Set<Long> persons = new HashSet<>(personIds);
		persons.remove(null);
		return new Batch(units.views(ids(rows, unit)), regions.views(ids(rows, community)), people.names(persons));
	}

	private static <R> Set<Long> ids(Collection<R> rows, Function<R, Long> id) {
		Set<Long> ids = new HashSet<>();
		rows.stream().map(id).filter(Objects::nonNull).forEach(ids::add);
		return ids;
	}

	/** Looked-up names. */
	record Batch(Map<Long, UnitView> units, Map<Long, RegionView> communities, Map<Long, String> persons) {

		UnitView unit(long id) {
			return units.get(id);
		}

		RegionView community(long id) {
			return communities.get(id);
		}

		String person(Long id) {
			return id == null ? null : persons.get(id);
		}

	}

}

package cn.huoxian.volunteer;

import java.util.List;
import java.util.Optional;

import cn.huoxian.org.RegionLevel;
import cn.huoxian.org.RegionView;
import cn.huoxian.org.Regions;
import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.DataScope;
import cn.huoxian.shared.ForbiddenException;
import cn.huoxian.shared.InvalidInputException;
import cn.huoxian.shared.Messages;
import cn.huoxian.shared.ReferenceNotFoundException;
import cn.huoxian.shared.RegionPath;
import jakarta.annotation.Nullable;
import org.springframework.stereotype.Component;

/**
 * The communities (村、社区) 双报到 works with: one named in a request and resolved through the
 * caller's scope, the one a member lives in, those a unit may report in to (in the area
 * the unit sits in), and who works for one (its staff: they publish needs, receipt units
 * and confirm hours).
 */
@Component
public class Communities {

	private final Regions regions;

	Communities(Regions regions) {
		this.regions = regions;
	}

	/**
	 * A community the caller's scope covers, or 404 naming the field; 400 for a township.
	 */
	public RegionView resolve(String field, @Nullable String code, DataScope scope) {
		RegionView region = regions.resolve(field, code, scope);
		if (region.level() != RegionLevel.VILLAGE) {
			throw new InvalidInputException(field, Messages.text("volunteer.problem.not-community", region.name()));
		}
		return region;
	}

	/**
	 * A community a unit sitting at this path may report in to (one in its area), or 404
	 * naming the field, alike for one that does not exist and one outside the area.
	 */
	RegionView inAreaOf(String field, @Nullable String code, RegionPath unitPath) {
		if (code == null || code.isBlank()) {
			throw new InvalidInputException(field, Messages.text("problem.required"));
		}
		return regions.byCode(code.strip())
			.filter(r -> r.level() == RegionLevel.VILLAGE && r.path().isWithin(unitPath))
			.orElseThrow(() -> new ReferenceNotFoundException(field));
	}

	/**
	 * The communities in a unit's area whose name or code matches: the report-in picker.
	 */
	public List<RegionView> matchingInAreaOf(String words, RegionPath unitPath, int limit) {
		return regions.matching(words, DataScope.ofRegions(unitPath), limit * 4)
			.stream()
			.filter(r -> r.level() == RegionLevel.VILLAGE)
			.limit(limit)
			.toList();
	}

	/** The community (village level) a person living at this path belongs to, if any. */
	Optional<RegionView> ofResidence(RegionPath home) {
		List<String> codes = home.codes();
		return codes.size() < 4 ? Optional.empty()
				: regions.byCode(codes.get(3)).filter(r -> r.level() == RegionLevel.VILLAGE);
	}

	Optional<RegionView> byCode(String code) {
		return regions.byCode(code);
	}

	/** A community's name, or its code when it is gone. */
	String name(RegionPath community) {
		return regions.byCode(community.code()).map(RegionView::name).orElse(community.code());
	}

	/**
	 * The community's staff: region staff (and the administrator) whose scope covers it.
	 */
	static boolean isStaffOf(CurrentUser user, RegionPath community) {
		return user.mayReportDaily() && user.scope().coversRegion(community);
	}

	static void requireStaffOf(CurrentUser user, RegionPath community) {
		if (!isStaffOf(user, community)) {
			throw new ForbiddenException(Messages.text("volunteer.problem.community-staff", user.role().label()));
		}
	}

}

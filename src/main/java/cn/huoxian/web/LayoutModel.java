package cn.huoxian.web;

import java.util.List;

import cn.huoxian.org.RegionView;
import cn.huoxian.org.Regions;
import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.CurrentUserProvider;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the signed-in user and their scope roots on every page, for the header. */
@ControllerAdvice(annotations = Controller.class)
class LayoutModel {

	private final CurrentUserProvider users;

	private final Regions regions;

	LayoutModel(CurrentUserProvider users, Regions regions) {
		this.users = users;
		this.regions = regions;
	}

	@ModelAttribute("me")
	CurrentUser me(HttpServletRequest request) {
		return isApi(request) ? null : me();
	}

	private CurrentUser me() {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || authentication instanceof AnonymousAuthenticationToken
				|| !authentication.isAuthenticated()) {
			return null;
		}
		try {
			return users.current();
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	/**
	 * The header's regions. Not for the API: {@code @RestController} is a
	 * {@code @Controller}, so this advice runs for every API request too, where it cost a
	 * query and 6.5 % of the server's CPU under load (issue 13) for a model no JSON
	 * reads.
	 */
	@ModelAttribute("scopeRoots")
	List<RegionView> scopeRoots(HttpServletRequest request) {
		if (isApi(request)) {
			return List.of();
		}
		CurrentUser me = me();
		return me == null ? List.of() : regions.roots(me.scope());
	}

	/** API answers are JSON: no page model. */
	static boolean isApi(HttpServletRequest request) {
		return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
	}

}

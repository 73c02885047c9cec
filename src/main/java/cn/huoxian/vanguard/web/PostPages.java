package cn.huoxian.vanguard.web;

import java.util.Map;

import cn.huoxian.org.RegionView;
import cn.huoxian.org.Regions;
import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.CurrentUserProvider;
import cn.huoxian.vanguard.BattleRequestStatus;
import cn.huoxian.vanguard.BattleRequests;
import cn.huoxian.vanguard.ClaimedPosts;
import cn.huoxian.vanguard.ModelPosts;
import cn.huoxian.vanguard.Zones;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Pages for responsibility zones, model posts, claimed key posts and battle requests
 * (list, submit, accept or decline), usable on a phone.
 */
@Controller
class PostPages {

	private static final int PAGE_SIZE = 50;

	private final Zones zones;

	private final ModelPosts modelPosts;

	private final ClaimedPosts claimedPosts;

	private final BattleRequests requests;

	private final Regions regions;

	private final CurrentUserProvider users;

	PostPages(Zones zones, ModelPosts modelPosts, ClaimedPosts claimedPosts, BattleRequests requests, Regions regions,
			CurrentUserProvider users) {
		this.zones = zones;
		this.modelPosts = modelPosts;
		this.claimedPosts = claimedPosts;
		this.requests = requests;
		this.regions = regions;
		this.users = users;
	}

	@InitBinder
	void binder(WebDataBinder binder) {
		// a value not of its field's type is worded and kept as typed, as on every page
		cn.huoxian.shared.web.PageForms.wordMismatches(binder);
	}

	private RegionView region(String region, CurrentUser me, Model model) {
		RegionView where = TeamPages.region(regions, region, me);
		model.addAttribute("region", where);
		return where;
	}

	private static String code(RegionView region) {
		return region == null ? null : region.code();
	}

	@GetMapping("/deployment/zones")
	String zones(@RequestParam(required = false) String region, @RequestParam(defaultValue = "false") boolean all,
			@RequestParam(defaultValue = "0") int page, Model model) {
		CurrentUser me = users.current();
		RegionView where = region(region, me, model);
		model.addAttribute("all", all);
		model.addAttribute("zones", zones.list(code(where), all, page, PAGE_SIZE, me.scope()));
		return "deployment/front/zones";
	}

	@PostMapping("/deployment/zones")
	String createZone(@Valid @ModelAttribute VanguardPageForms.Zone form, BindingResult binding,
			RedirectAttributes redirect) {
		CurrentUser me = users.current();
		PageForms.run(binding, () -> zones.create(form.toForm(), me), "zone", VanguardPageForms.typed(form, binding),
				redirect);
		return "redirect:/deployment/zones" + PageForms.region(form.region());
	}

	@PostMapping("/deployment/zones/{id}/end")
	String endZone(@PathVariable long id, @RequestParam(required = false) String region, RedirectAttributes redirect) {
		PageForms.run(() -> zones.end(id, null, users.current()), "ended", Map.of(), redirect);
		return "redirect:/deployment/zones" + PageForms.region(region);
	}

	@GetMapping("/deployment/model-posts")
	String modelPosts(@RequestParam(required = false) String region, @RequestParam(defaultValue = "false") boolean all,
			@RequestParam(defaultValue = "0") int page, Model model) {
		CurrentUser me = users.current();
		RegionView where = region(region, me, model);
		model.addAttribute("all", all);
		model.addAttribute("posts", modelPosts.list(code(where), all, page, PAGE_SIZE, me.scope()));
		return "deployment/front/model-posts";
	}

	@PostMapping("/deployment/model-posts")
	String createModelPost(@Valid @ModelAttribute VanguardPageForms.ModelPost form, BindingResult binding,
			RedirectAttributes redirect) {
		CurrentUser me = users.current();
		PageForms.run(binding, () -> modelPosts.create(form.toForm(), me), "modelPost",
				VanguardPageForms.typed(form, binding), redirect);
		return "redirect:/deployment/model-posts" + PageForms.region(form.region());
	}

	@PostMapping("/deployment/model-posts/{id}/end")
	String endModelPost(@PathVariable long id, @RequestParam(required = false) String region,
			RedirectAttributes redirect) {
		PageForms.run(() -> modelPosts.end(id, null, users.current()), "ended", Map.of(), redirect);
		return "redirect:/deployment/model-posts" + PageForms.region(region);
	}

	@GetMapping("/deployment/claimed-posts")
	String claimedPosts(@RequestParam(required = false) String region,
			@RequestParam(defaultValue = "false") boolean all, @RequestParam(defaultValue = "0") int page,
			Model model) {
		CurrentUser me = users.current();
		RegionView where = region(region, me, model);
		model.addAttribute("all", all);
		model.addAttribute("posts", claimedPosts.list(code(where), all, page, PAGE_SIZE, me.scope()));
		return "deployment/front/claimed-posts";
	}

	@PostMapping("/deployment/claimed-posts")
	String claim(@Valid @ModelAttribute VanguardPageForms.ClaimedPost form, BindingResult binding,
			RedirectAttributes redirect) {
		CurrentUser me = users.current();
		PageForms.run(binding, () -> claimedPosts.claim(form.toForm(), me), "claimed",
				VanguardPageForms.typed(form, binding), redirect);
		return "redirect:/deployment/claimed-posts" + PageForms.region(form.region());
	}

	@PostMapping("/deployment/claimed-posts/{id}/release")
	String release(@PathVariable long id, @RequestParam(required = false) String region, RedirectAttributes redirect) {
		PageForms.run(() -> claimedPosts.release(id, null, users.current()), "released", Map.of(), redirect);
		return "redirect:/deployment/claimed-posts" + PageForms.region(region);
	}

	@GetMapping("/deployment/battle-requests")
	String requests(@RequestParam(required = false) String region,
			@RequestParam(required = false) BattleRequestStatus status, @RequestParam(defaultValue = "0") int page,
			Model model) {
		CurrentUser me = users.current();
		RegionView where = region(region, me, model);
		model.addAttribute("status", status);
		model.addAttribute("statuses", BattleRequestStatus.values());
		model.addAttribute("requests", requests.list(code(where), status, page, PAGE_SIZE, me.scope()));
		// a party member's self-service account submits for themselves (other accounts
		// may
		// carry a person too, but submit for anyone in their scope)
		model.addAttribute("self", me.isSelfService() ? me.scope().selfPersonId() : null);
		return "deployment/front/battle-requests";
	}

	@PostMapping("/deployment/battle-requests")
	String submit(@Valid @ModelAttribute VanguardPageForms.BattleRequest form, BindingResult binding,
			RedirectAttributes redirect) {
		CurrentUser me = users.current();
		PageForms.run(binding, () -> requests.submit(form.toForm(), me), "submitted",
				VanguardPageForms.typed(form, binding), redirect);
		return "redirect:/deployment/battle-requests" + PageForms.region(form.region());
	}

	@PostMapping("/deployment/battle-requests/{id}/accept")
	String accept(@PathVariable long id, @Valid @ModelAttribute VanguardPageForms.Accept form, BindingResult binding,
			RedirectAttributes redirect) {
		CurrentUser me = users.current();
		PageForms.run(binding, () -> requests.accept(id, form.teamId(), form.post(), me), "accepted",
				VanguardPageForms.typed(form, binding), redirect);
		return "redirect:/deployment/battle-requests" + PageForms.region(form.region());
	}

	@PostMapping("/deployment/battle-requests/{id}/decline")
	String decline(@PathVariable long id, @Valid @ModelAttribute VanguardPageForms.Decline form, BindingResult binding,
			RedirectAttributes redirect) {
		CurrentUser me = users.current();
		PageForms.run(binding, () -> requests.decline(id, form.note(), me), "declined",
				VanguardPageForms.typed(form, binding), redirect);
		return "redirect:/deployment/battle-requests" + PageForms.region(form.region());
	}

}

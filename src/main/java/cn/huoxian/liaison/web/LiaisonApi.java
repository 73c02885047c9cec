package cn.huoxian.liaison.web;

import cn.huoxian.liaison.LiaisonGroupForm;
import cn.huoxian.liaison.LiaisonGroupView;
import cn.huoxian.liaison.LiaisonGroups;
import cn.huoxian.org.Regions;
import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.CurrentUserProvider;
import cn.huoxian.shared.PageResult;
import cn.huoxian.shared.RegionPath;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Liaison groups (包联组) under /api/v1/deployment/liaison-groups: create, list under a
 * region, one group with its communities and inspections, members and communities added
 * and removed.
 */
@RestController
@RequestMapping("/api/v1/deployment/liaison-groups")
class LiaisonApi {

	private final LiaisonGroups groups;

	private final Regions regions;

	private final CurrentUserProvider users;

	LiaisonApi(LiaisonGroups groups, Regions regions, CurrentUserProvider users) {
		this.groups = groups;
		this.regions = regions;
		this.users = users;
	}

	@Operation(summary = "Form a liaison group")
	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	LiaisonGroupView create(@Valid @RequestBody LiaisonGroupForm form) {
		return groups.create(form, users.current());
	}

	@Operation(summary = "List liaison groups under a region")
	@GetMapping
	PageResult<LiaisonGroupView> list(@RequestParam(required = false) String region,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		CurrentUser me = users.current();
		RegionPath path = region == null || region.isBlank() ? null : regions.find(region, me.scope()).path();
		return groups.list(path, page, size, me.scope());
	}

	@Operation(summary = "One liaison group with members, communities and inspections")
	@GetMapping("/{id}")
	LiaisonGroupView one(@PathVariable long id) {
		return groups.find(id, users.current().scope());
	}

	/** The body of a new member: {@code {"personId"}}. */
	record MemberBody(@Min(1) Long personId) {
	}

	@Operation(summary = "Add a member to a liaison group")
	@PostMapping("/{id}/members")
	LiaisonGroupView addMember(@PathVariable long id, @Valid @RequestBody MemberBody body) {
		return groups.addMember(id, body.personId(), users.current());
	}

	@Operation(summary = "Remove a member from a liaison group")
	@DeleteMapping("/{id}/members/{personId}")
	LiaisonGroupView removeMember(@PathVariable long id, @PathVariable long personId) {
		return groups.removeMember(id, personId, users.current());
	}

	/** The body of a community added: {@code {"communityCode"}}. */
	record CommunityBody(@NotBlank(message = "{problem.required}") @Size(max = 20,
			message = "{liaison.field.too-long}") String communityCode) {
	}

	@Operation(summary = "Add a village or community a liaison group answers for")
	@PostMapping("/{id}/communities")
	LiaisonGroupView addCommunity(@PathVariable long id, @Valid @RequestBody CommunityBody body) {
		return groups.addCommunity(id, body.communityCode().strip(), users.current());
	}

	@Operation(summary = "Remove a village or community from a liaison group")
	@DeleteMapping("/{id}/communities/{code}")
	LiaisonGroupView removeCommunity(@PathVariable long id, @PathVariable String code) {
		return groups.removeCommunity(id, code, users.current());
	}

}

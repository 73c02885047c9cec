package cn.huoxian.vanguard.web;

import java.time.LocalDate;

import cn.huoxian.shared.CurrentUserProvider;
import cn.huoxian.shared.PageResult;
import cn.huoxian.shared.PlausibleDate;
import cn.huoxian.vanguard.ClaimedPostForm;
import cn.huoxian.vanguard.ClaimedPostView;
import cn.huoxian.vanguard.ClaimedPosts;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Posts claimed by party members under /api/v1/deployment/claimed-posts.
 */
@RestController
@RequestMapping("/api/v1/deployment")
class ClaimedPostApi {

	private final ClaimedPosts claimedPosts;

	private final CurrentUserProvider users;

	ClaimedPostApi(ClaimedPosts claimedPosts, CurrentUserProvider users) {
		this.claimedPosts = claimedPosts;
		this.users = users;
	}

	@Operation(summary = "Record a post claimed by a party member")
	@PostMapping("/claimed-posts")
	@ResponseStatus(HttpStatus.CREATED)
	ClaimedPostView claim(@Valid @RequestBody ClaimedPostForm form) {
		return claimedPosts.claim(form, users.current());
	}

	@Operation(summary = "List claimed posts under a region")
	@GetMapping("/claimed-posts")
	PageResult<ClaimedPostView> claimedPosts(@RequestParam(required = false) String region,
			@RequestParam(defaultValue = "false") boolean all, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		return claimedPosts.list(region, all, page, size, users.current().scope());
	}

	@Operation(summary = "One claimed post")
	@GetMapping("/claimed-posts/{id}")
	ClaimedPostView claimedPost(@PathVariable long id) {
		return claimedPosts.find(id, users.current().scope());
	}

	/** The body of a release: {@code {"releasedOn"}}. */
	record PostReleaseBody(@PlausibleDate LocalDate releasedOn) {
	}

	@Operation(summary = "Release a claimed post")
	@PostMapping("/claimed-posts/{id}/release")
	ClaimedPostView release(@PathVariable long id, @Valid @RequestBody(required = false) PostReleaseBody form) {
		return claimedPosts.release(id, form == null ? null : form.releasedOn(), users.current());
	}

}

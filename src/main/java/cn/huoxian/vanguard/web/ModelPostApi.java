package cn.huoxian.vanguard.web;

import cn.huoxian.shared.CurrentUserProvider;
import cn.huoxian.shared.PageResult;
import cn.huoxian.vanguard.ModelPostForm;
import cn.huoxian.vanguard.ModelPostView;
import cn.huoxian.vanguard.ModelPosts;
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
 * Model posts under /api/v1/deployment/model-posts.
 */
@RestController
@RequestMapping("/api/v1/deployment")
class ModelPostApi {

	private final ModelPosts modelPosts;

	private final CurrentUserProvider users;

	ModelPostApi(ModelPosts modelPosts, CurrentUserProvider users) {
		this.modelPosts = modelPosts;
		this.users = users;
	}

	@Operation(summary = "Designate a model post")
	@PostMapping("/model-posts")
	@ResponseStatus(HttpStatus.CREATED)
	ModelPostView createModelPost(@Valid @RequestBody ModelPostForm form) {
		return modelPosts.create(form, users.current());
	}

	@Operation(summary = "List model posts under a region")
	@GetMapping("/model-posts")
	PageResult<ModelPostView> modelPosts(@RequestParam(required = false) String region,
			@RequestParam(defaultValue = "false") boolean all, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		return modelPosts.list(region, all, page, size, users.current().scope());
	}

	@Operation(summary = "One model post")
	@GetMapping("/model-posts/{id}")
	ModelPostView modelPost(@PathVariable long id) {
		return modelPosts.find(id, users.current().scope());
	}

	@Operation(summary = "End a model post")
	@PostMapping("/model-posts/{id}/end")
	ModelPostView endModelPost(@PathVariable long id, @Valid @RequestBody(required = false) EndBody form) {
		return modelPosts.end(id, form == null ? null : form.endedOn(), users.current());
	}

}

package cn.huoxian.record.web;

import java.util.Map;

import cn.huoxian.record.RecordRebuild;
import cn.huoxian.shared.CurrentUserProvider;
import cn.huoxian.shared.ForbiddenException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/record/rebuild}: the city administrator rebuilds every record. */
@RestController
class RebuildApi {

	private final RecordRebuild rebuild;

	private final CurrentUserProvider users;

	RebuildApi(RecordRebuild rebuild, CurrentUserProvider users) {
		this.rebuild = rebuild;
		this.users = users;
	}

	@PostMapping("/api/v1/record/rebuild")
	Map<String, RecordRebuild.Difference> rebuild() {
		if (!users.current().isAdministrator()) {
			throw new ForbiddenException("only the city administrator rebuilds the record");
		}
		return rebuild.rebuild();
	}

}

package cn.huoxian.access;

import java.util.List;

import cn.huoxian.shared.Role;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.annotation.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** GET /api/v1/me: who is signed in, their role and scope roots. */
@RestController
class MeEndpoint {

	record Me(String username, @Nullable Long personId, Role role, List<ScopeRoot> scopes) {
	}

	@Operation(summary = "The signed-in account: username, person, role and scope roots")
	@GetMapping("/api/v1/me")
	Me me() {
		AccountPrincipal principal = SecurityCurrentUser.principal();
		return new Me(principal.username(), principal.personId(), principal.role(), principal.scopes());
	}

}

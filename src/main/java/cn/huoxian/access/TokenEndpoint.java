package cn.huoxian.access;

import java.time.OffsetDateTime;
import java.util.Map;

import cn.huoxian.shared.InvalidInputException;
import cn.huoxian.shared.Messages;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * POST /api/v1/auth/token signs in and answers a bearer token; DELETE revokes the token
 * in use.
 */
@RestController
class TokenEndpoint {

	private final LoginGuard guard;

	private final ApiTokens tokens;

	TokenEndpoint(LoginGuard guard, ApiTokens tokens) {
		this.guard = guard;
		this.tokens = tokens;
	}

	record Credentials(@Size(max = 50) String username, @Size(max = 200) String password) {
	}

	record TokenAnswer(String token, OffsetDateTime expiresAt) {
	}

	@Operation(summary = "Sign in and receive a bearer token")
	@PostMapping("/api/v1/auth/token")
	ResponseEntity<?> signIn(@Valid @RequestBody(required = false) Credentials credentials,
			HttpServletRequest request) {
		if (credentials == null || credentials.username() == null || credentials.username().isBlank()) {
			throw new InvalidInputException("username", Messages.text("problem.required"));
		}
		if (credentials.password() == null || credentials.password().isEmpty()) {
			throw new InvalidInputException("password", Messages.text("problem.required"));
		}
		try {
			AccountPrincipal principal = guard.authenticate(credentials.username(), credentials.password(),
					request.getRemoteAddr());
			ApiTokens.Issued issued = tokens.issue(principal.accountId());
			return ResponseEntity.ok(new TokenAnswer(issued.token(), issued.expiresAt()));
		}
		catch (AuthenticationException ex) {
			// one answer for unknown names, wrong passwords, locked and disabled accounts
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
					Messages.text("login.failed"));
			problem.setTitle(Messages.text("error.401"));
			problem.setType(java.net.URI.create("https://huoxian.cn/problems/bad-credentials"));
			return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(problem);
		}
	}

	@Operation(summary = "Revoke the bearer token in use")
	@DeleteMapping("/api/v1/auth/token")
	ResponseEntity<Map<String, Boolean>> revoke(HttpServletRequest request) {
		Object token = request.getAttribute(BearerTokenFilter.class.getName());
		if (token == null) {
			throw new InvalidInputException("Authorization", Messages.text("access.error.revoke"));
		}
		tokens.revoke(token.toString());
		return ResponseEntity.ok(Map.of("revoked", true));
	}

}

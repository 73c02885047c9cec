package cn.huoxian.api;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.WebUtils;

/**
 * {@code Idempotency-Key} on {@code POST /api/v1/**} (docs/API.md, "Retries and
 * duplicates"). The first request with a key runs and its successful answer is kept for
 * 24 hours per account; a repeat with the same key and the same request (method, path,
 * query, body) gets that answer again with {@code Idempotent-Replayed: true}, a different
 * request 422, and a repeat while the first still runs 409. Answers other than 2xx are
 * not kept (nothing was written), so a retry runs again. Runs after the security filters:
 * keys belong to the signed-in account.
 */
@Component
class IdempotencyFilter extends OncePerRequestFilter {

	static final String HEADER = "Idempotency-Key";

	static final String REPLAYED = "Idempotent-Replayed";

	private final IdempotentRequests requests;

	IdempotencyFilter(IdempotentRequests requests) {
		this.requests = requests;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"POST".equals(request.getMethod()) || !request.getRequestURI().startsWith("/api/v1/")
				|| request.getHeader(HEADER) == null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String key = request.getHeader(HEADER);
		if (!valid(key)) {
			problem(response, 400, "invalid-idempotency-key",
					"Idempotency-Key must be 1 to 100 visible ASCII characters (e.g. a UUID)");
			return;
		}
		String username = username();
		if (username == null) {
			// only the token endpoint is open: there is no account to keep the key for
			chain.doFilter(request, response);
			return;
		}
		Fingerprint fingerprint;
		try {
			fingerprint = new Fingerprint(request);
		}
		catch (IOException | ServletException | IllegalStateException ex) {
			problem(response, 400, "unreadable", "The request body could not be read");
			return;
		}
		IdempotentRequests.Claim claim = requests.claim(username, key);
		if (claim instanceof IdempotentRequests.Answered answered) {
			replay(answered, fingerprint.of(request), response);
		}
		else if (claim instanceof IdempotentRequests.Running) {
			response.setHeader("Retry-After", "1");
			problem(response, 409, "idempotency-key-in-use",
					"A request with this Idempotency-Key is still running; retry when it has answered");
		}
		else {
			run(request, response, chain, username, key, fingerprint);
		}
	}

	private void run(HttpServletRequest request, HttpServletResponse response, FilterChain chain, String username,
			String key, Fingerprint fingerprint) throws ServletException, IOException {
		ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
		boolean kept = false;
		try {
			chain.doFilter(fingerprint.wrap(request), answer);
			int status = answer.getStatus();
			if (status >= 200 && status < 300) {
				requests.answer(username, key, fingerprint.of(request), status, answer.getContentType(),
						answer.getHeader("Location"), answer.getContentAsByteArray());
				kept = true;
			}
		}
		finally {
			if (!kept) {
				requests.release(username, key);
			}
			answer.copyBodyToResponse();
		}
	}

	private static void replay(IdempotentRequests.Answered answered, String fingerprint, HttpServletResponse response)
			throws IOException {
		if (!answered.fingerprint().equals(fingerprint)) {
			problem(response, 422, "idempotency-key-reused",
					"This Idempotency-Key was used for a different request (method, path or body); use a new key");
			return;
		}
		response.setStatus(answered.status());
		response.setHeader(REPLAYED, "true");
		if (answered.contentType() != null) {
			response.setContentType(answered.contentType());
		}
		if (answered.location() != null) {
			response.setHeader("Location", answered.location());
		}
		if (answered.body() != null) {
			response.setContentLength(answered.body().length);
			response.getOutputStream().write(answered.body());
		}
	}

	/** 1 to 100 visible ASCII characters. */
	static boolean valid(String key) {
		return key.length() >= 1 && key.length() <= 100 && key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e);
	}

	private static String username() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()
				|| authentication instanceof AnonymousAuthenticationToken) {
			return null;
		}
		return authentication.getName();
	}

	private static void problem(HttpServletResponse response, int status, String type, String detail)
			throws IOException {
		response.setStatus(status);
		response.setContentType("application/problem+json");
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getWriter()
			.write("{\"type\":\"https://huoxian.cn/problems/" + type + "\",\"title\":\"" + title(status)
					+ "\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}");
	}

	private static String title(int status) {
		return switch (status) {
			case 400 -> "Bad Request";
			case 409 -> "Conflict";
			default -> "Unprocessable Content";
		};
	}

	/**
	 * The SHA-256 of method, path, query and body. A multipart or form body is read (from
	 * the container's parsed parts) before the request runs; any other body is digested
	 * as the handler reads it, so it is never held in memory, and the rest after it ran.
	 */
	private static final class Fingerprint {

		private final MessageDigest digest;

		private DigestingRequest wrapped;

		private String value;

		Fingerprint(HttpServletRequest request) throws IOException, ServletException {
			digest = sha256();
			String query = request.getQueryString();
			update(request.getMethod() + " " + request.getRequestURI() + (query == null ? "" : "?" + query));
			String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase();
			MultipartHttpServletRequest multipart = WebUtils.getNativeRequest(request,
					MultipartHttpServletRequest.class);
			if (multipart != null) {
				// already resolved (MockMvc): its files and fields
				for (Map.Entry<String, List<MultipartFile>> files : new TreeMap<>(multipart.getMultiFileMap())
					.entrySet()) {
					for (MultipartFile file : files.getValue()) {
						update(files.getKey() + "\u0000" + file.getOriginalFilename());
						try (InputStream in = file.getInputStream()) {
							digestAll(in);
						}
					}
				}
				parameters(request);
			}
			else if (type.startsWith("multipart/")) {
				for (Part part : request.getParts()) {
					update(part.getName() + "\u0000" + part.getSubmittedFileName());
					try (InputStream in = part.getInputStream()) {
						digestAll(in);
					}
				}
			}
			else if (type.startsWith("application/x-www-form-urlencoded")) {
				parameters(request);
			}
			else {
				update("\u0000body\u0000");
				wrapped = new DigestingRequest(request, digest);
			}
		}

		HttpServletRequest wrap(HttpServletRequest request) {
			return wrapped == null ? request : wrapped;
		}

		/**
		 * Reads what the handler left of the body (all of it when none ran), then the
		 * digest.
		 */
		String of(HttpServletRequest request) throws IOException {
			if (value == null) {
				if (wrapped != null) {
					wrapped.drain();
				}
				value = HexFormat.of().formatHex(digest.digest());
			}
			return value;
		}

		private void parameters(HttpServletRequest request) {
			for (Map.Entry<String, String[]> parameter : new TreeMap<>(request.getParameterMap()).entrySet()) {
				update(parameter.getKey() + "=" + String.join("\u0000", parameter.getValue()));
			}
		}

		private void update(String text) {
			digest.update(text.getBytes(StandardCharsets.UTF_8));
			digest.update((byte) 0);
		}

		private void digestAll(InputStream in) throws IOException {
			byte[] buffer = new byte[8192];
			for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
				digest.update(buffer, 0, n);
			}
		}

		private static MessageDigest sha256() {
			try {
				return MessageDigest.getInstance("SHA-256");
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

}

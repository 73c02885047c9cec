package cn.huoxian.access;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Who may scrape {@code /actuator/prometheus}: a request carrying the configured
 * {@code huoxian.metrics.token} (as {@code Bearer <token>}, or as the password of Basic
 * authentication), or one from the loopback address unless
 * {@code huoxian.metrics.loopback=false}.
 */
final class MetricsAccess implements AuthorizationManager<RequestAuthorizationContext> {

	private final byte[] token;

	private final boolean loopback;

	MetricsAccess(String token, boolean loopback) {
		this.token = token == null || token.isBlank() ? null : token.getBytes(StandardCharsets.UTF_8);
		this.loopback = loopback;
	}

	@Override
	public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
			RequestAuthorizationContext context) {
		HttpServletRequest request = context.getRequest();
		return new AuthorizationDecision(presentsToken(request) || (loopback && fromLoopback(request)));
	}

	private boolean presentsToken(HttpServletRequest request) {
		String header = request.getHeader("Authorization");
		if (token == null || header == null) {
			return false;
		}
		String offered = null;
		if (header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			offered = header.substring(7).strip();
		}
		else if (header.regionMatches(true, 0, "Basic ", 0, 6)) {
			try {
				String pair = new String(Base64.getDecoder().decode(header.substring(6).strip()),
						StandardCharsets.UTF_8);
				offered = pair.substring(pair.indexOf(':') + 1);
			}
			catch (IllegalArgumentException ex) {
				return false;
			}
		}
		return offered != null && MessageDigest.isEqual(token, offered.getBytes(StandardCharsets.UTF_8));
	}

	private static boolean fromLoopback(HttpServletRequest request) {
		String remote = request.getRemoteAddr();
		// only an address literal: getByName must never resolve a name here
		if (remote == null || !remote.matches("[0-9A-Fa-f:.]+")) {
			return false;
		}
		try {
			return InetAddress.getByName(remote).isLoopbackAddress();
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

}

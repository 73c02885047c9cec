package cn.huoxian.api;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/** A request whose body bytes pass through a digest as they are read. */
final class DigestingRequest extends HttpServletRequestWrapper {

	private final MessageDigest digest;

	private ServletInputStream stream;

	private BufferedReader reader;

	DigestingRequest(HttpServletRequest request, MessageDigest digest) {
		super(request);
		this.digest = digest;
	}

	@Override
	public ServletInputStream getInputStream() throws IOException {
		if (stream == null) {
			stream = new Digesting(super.getInputStream(), digest);
		}
		return stream;
	}

	@Override
	public BufferedReader getReader() throws IOException {
		if (reader == null) {
			String encoding = getCharacterEncoding();
			Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
			reader = new BufferedReader(new InputStreamReader(getInputStream(), charset));
		}
		return reader;
	}

	/** Reads (and digests) the rest of the body. */
	void drain() throws IOException {
		ServletInputStream in = getInputStream();
		byte[] buffer = new byte[8192];
		while (in.read(buffer) >= 0) {
			// digested as it is read
		}
	}

	private static final class Digesting extends ServletInputStream {

		private final ServletInputStream in;

		private final MessageDigest digest;

		Digesting(ServletInputStream in, MessageDigest digest) {
			this.in = in;
			this.digest = digest;
		}

		@Override
		public int read() throws IOException {
			int b = in.read();
			if (b >= 0) {
				digest.update((byte) b);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = in.read(buffer, offset, length);
			if (n > 0) {
				digest.update(buffer, offset, n);
			}
			return n;
		}

		@Override
		public boolean isFinished() {
			return in.isFinished();
		}

		@Override
		public boolean isReady() {
			return in.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			in.setReadListener(listener);
		}

	}

}

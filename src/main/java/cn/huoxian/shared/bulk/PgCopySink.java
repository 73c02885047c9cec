package cn.huoxian.shared.bulk;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * COPY ... FROM STDIN in PostgreSQL's binary format, which the server parses faster than
 * text. The caller's thread encodes rows into byte buffers; a writer thread streams full
 * buffers to the server, so generating and loading overlap on two cores. The caller must
 * not use the connection until {@link #flush()} returns.
 */
class PgCopySink extends BatchSink {

	private static final int HAND_OFF_BYTES = 8 << 20;

	private static final int IN_FLIGHT = 2;

	private static final byte[] HEADER = { 'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0, 0, 0, 0, 0,
			0, 0, 0, 0 };

	private static final byte[] TRAILER = { (byte) 0xFF, (byte) 0xFF };

	/** PostgreSQL counts dates from 2000-01-01. */
	private static final long PG_EPOCH_DAY = LocalDate.of(2000, 1, 1).toEpochDay();

	private final Copier copier;

	private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
		Thread thread = new Thread(r, "bulk-copy-writer");
		thread.setDaemon(true);
		return thread;
	});

	private final Semaphore inFlight = new Semaphore(IN_FLIGHT);

	private final Queue<Buffer[]> spare = new ConcurrentLinkedQueue<>();

	/**
	 * The last encoded String per table and column: paths and enum names repeat row after
	 * row.
	 */
	private Object[][] lastText = new Object[0][];

	private byte[][][] lastBytes = new byte[0][][];

	private volatile Throwable failure;

	private Future<?> lastWrite;

	private Buffer[] current = new Buffer[0];

	private int buffered;

	private Buffer buffer;

	/** The current row's table's entries of lastText and lastBytes. */
	private Object[] lastTextRow;

	private byte[][] lastBytesRow;

	private int rowStart;

	PgCopySink(Connection connection) throws SQLException {
		this(copier(connection.unwrap(PGConnection.class).getCopyAPI()));
	}

	PgCopySink(Copier copier) {
		this.copier = copier;
	}

	@Override
	void registered(Table table) {
		int n = table.index + 1;
		lastText = Arrays.copyOf(lastText, n);
		lastText[table.index] = new Object[table.columns.length];
		lastBytes = Arrays.copyOf(lastBytes, n);
		lastBytes[table.index] = new byte[table.columns.length][];
		current = Arrays.copyOf(current, n);
		current[table.index] = new Buffer();
	}

	@Override
	void startRow(Table table) {
		this.buffer = current[table.index];
		this.lastTextRow = lastText[table.index];
		this.lastBytesRow = lastBytes[table.index];
		this.rowStart = buffer.length;
		buffer.writeShort(table.columns.length);
	}

	@Override
	void putLong(int column, long value) {
		buffer.writeInt(8);
		buffer.writeLong(value);
	}

	@Override
	void putInt(int column, int value) {
		buffer.writeInt(4);
		buffer.writeInt(value);
	}

	@Override
	void putText(int column, CharSequence value) {
		if (value instanceof String) {
			if (lastTextRow[column] != value) {
				lastTextRow[column] = value;
				lastBytesRow[column] = ((String) value).getBytes(java.nio.charset.StandardCharsets.UTF_8);
			}
			buffer.writeInt(lastBytesRow[column].length);
			buffer.write(lastBytesRow[column]);
		}
		else {
			buffer.writeUtf8(value);
		}
	}

	@Override
	void putDate(int column, LocalDate value) {
		buffer.writeInt(4);
		buffer.writeInt((int) (value.toEpochDay() - PG_EPOCH_DAY));
	}

	@Override
	void putBool(int column, boolean value) {
		buffer.writeInt(1);
		buffer.writeByte(value ? 1 : 0);
	}

	@Override
	void putNull(int column, Type type) {
		buffer.writeInt(-1);
	}

	@Override
	void endRow(Table table) {
		buffered += buffer.length - rowStart;
	}

	@Override
	boolean full() {
		return buffered >= HAND_OFF_BYTES;
	}

	@Override
	boolean pending() {
		return buffered > 0;
	}

	/**
	 * Passes the current buffers to the writer thread, waiting while it already has
	 * enough to do.
	 */
	@Override
	void send() throws SQLException {
		Buffer[] batch = current;
		try {
			inFlight.acquire();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new SQLException("interrupted during a bulk load", ex);
		}
		lastWrite = writer.submit(() -> write(batch));
		Buffer[] reused = spare.poll();
		current = reused != null ? reused : newBuffers();
		buffered = 0;
		if (failure != null) {
			throw new SQLException("COPY failed: " + failure.getMessage(), failure);
		}
	}

	/** On the writer thread: one COPY per table, in registration order. */
	private void write(Buffer[] batch) {
		try {
			if (failure == null) {
				for (Table t : tables) {
					Buffer b = batch[t.index];
					if (b.length > 0) {
						copier.copy(t, b.bytes, b.length);
					}
				}
			}
		}
		catch (Throwable ex) {
			failure = ex;
		}
		finally {
			for (Buffer b : batch) {
				b.length = 0;
			}
			spare.add(batch);
			inFlight.release();
		}
	}

	/** One COPY per call, the rows framed by the binary format's header and trailer. */
	private static Copier copier(CopyManager copy) {
		return (t, rows, length) -> {
			CopyIn in = copy.copyIn("copy " + t.name + " (" + t.columnList() + ") from stdin (format binary)");
			try {
				in.writeToCopy(HEADER, 0, HEADER.length);
				in.writeToCopy(rows, 0, length);
				in.writeToCopy(TRAILER, 0, TRAILER.length);
				in.endCopy();
			}
			finally {
				if (in.isActive()) {
					in.cancelCopy();
				}
			}
		};
	}

	/** Streams one table's encoded rows to the server; called on the writer thread. */
	interface Copier {

		void copy(Table table, byte[] rows, int length) throws SQLException;

	}

	/** Waits for the writer thread's last COPY. */
	@Override
	void await() throws SQLException {
		if (lastWrite != null) {
			try {
				lastWrite.get();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new SQLException("interrupted during a bulk load", ex);
			}
			catch (ExecutionException ex) {
				throw new SQLException(ex.getCause());
			}
		}
		if (failure != null) {
			throw new SQLException("COPY failed: " + failure.getMessage(), failure);
		}
	}

	@Override
	void release() {
		writer.shutdown();
	}

	private Buffer[] newBuffers() {
		Buffer[] buffers = new Buffer[tables.size()];
		for (int i = 0; i < buffers.length; i++) {
			buffers[i] = new Buffer();
		}
		return buffers;
	}

	/**
	 * A growable big-endian byte buffer with a UTF-8 encoder that needs no intermediate
	 * String.
	 */
	static final class Buffer {

		byte[] bytes = new byte[64 * 1024];

		int length;

		private void ensure(int more) {
			if (length + more > bytes.length) {
				bytes = java.util.Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
			}
		}

		void writeByte(int b) {
			ensure(1);
			bytes[length++] = (byte) b;
		}

		void writeShort(int v) {
			ensure(2);
			bytes[length++] = (byte) (v >>> 8);
			bytes[length++] = (byte) v;
		}

		void writeInt(int v) {
			ensure(4);
			putInt(length, v);
			length += 4;
		}

		void writeLong(long v) {
			writeInt((int) (v >>> 32));
			writeInt((int) v);
		}

		void write(byte[] b) {
			ensure(b.length);
			System.arraycopy(b, 0, bytes, length, b.length);
			length += b.length;
		}

		/**
		 * The value's length, then its UTF-8 bytes (an unpaired surrogate becomes '?').
		 */
		void writeUtf8(CharSequence s) {
			int n = s.length();
			ensure(4 + n * 3);
			int at = length;
			int p = at + 4;
			byte[] a = bytes;
			for (int i = 0; i < n; i++) {
				char c = s.charAt(i);
				if (c < 0x80) {
					a[p++] = (byte) c;
				}
				else if (c < 0x800) {
					a[p++] = (byte) (0xC0 | c >> 6);
					a[p++] = (byte) (0x80 | c & 0x3F);
				}
				else if (Character.isSurrogate(c)) {
					if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
						int cp = Character.toCodePoint(c, s.charAt(++i));
						a[p++] = (byte) (0xF0 | cp >> 18);
						a[p++] = (byte) (0x80 | cp >> 12 & 0x3F);
						a[p++] = (byte) (0x80 | cp >> 6 & 0x3F);
						a[p++] = (byte) (0x80 | cp & 0x3F);
					}
					else {
						a[p++] = '?';
					}
				}
				else {
					a[p++] = (byte) (0xE0 | c >> 12);
					a[p++] = (byte) (0x80 | c >> 6 & 0x3F);
					a[p++] = (byte) (0x80 | c & 0x3F);
				}
			}
			putInt(at, p - at - 4);
			length = p;
		}

		private void putInt(int at, int v) {
			bytes[at] = (byte) (v >>> 24);
			bytes[at + 1] = (byte) (v >>> 16);
			bytes[at + 2] = (byte) (v >>> 8);
			bytes[at + 3] = (byte) v;
		}

	}

}

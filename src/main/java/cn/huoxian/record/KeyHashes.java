package cn.huoxian.record;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The entry keys a source gives, as 64-bit hashes in a sorted array: the rebuild asks
 * "does a source still give this entry?" for millions of entries in about 8 bytes each
 * instead of a few hundred for a set of objects. A hash collision (about one in 10^7 for
 * ten million keys) can only keep a stale entry, never remove a good one.
 */
final class KeyHashes {

	private long[] hashes = new long[1024];

	private int size;

	private boolean sealed;

	void add(String kind, String sourceId, long personId) {
		if (this.sealed) {
			throw new IllegalStateException("sealed");
		}
		if (this.size == this.hashes.length) {
			this.hashes = Arrays.copyOf(this.hashes, this.size * 2);
		}
		this.hashes[this.size++] = hash(kind, sourceId, personId);
	}

	/** Sorts the hashes; afterwards only {@link #contains} is allowed. */
	KeyHashes seal() {
		Arrays.sort(this.hashes, 0, this.size);
		this.sealed = true;
		return this;
	}

	boolean contains(String kind, String sourceId, long personId) {
		if (!this.sealed) {
			throw new IllegalStateException("not sealed");
		}
		return Arrays.binarySearch(this.hashes, 0, this.size, hash(kind, sourceId, personId)) >= 0;
	}

	/** How many keys were added. */
	int size() {
		return this.size;
	}

	/**
	 * FNV-1a over the key's UTF-8 bytes, then MurmurHash3's finaliser to spread the bits.
	 */
	static long hash(String kind, String sourceId, long personId) {
		long h = 0xcbf29ce484222325L;
		h = mix(h, kind.getBytes(StandardCharsets.UTF_8));
		h = (h ^ 0x1f) * 0x100000001b3L;
		h = mix(h, sourceId.getBytes(StandardCharsets.UTF_8));
		for (int i = 0; i < 8; i++) {
			h = (h ^ ((personId >>> (8 * i)) & 0xff)) * 0x100000001b3L;
		}
		h ^= h >>> 33;
		h *= 0xff51afd7ed558ccdL;
		h ^= h >>> 33;
		h *= 0xc4ceb9fe1a85ec53L;
		h ^= h >>> 33;
		return h;
	}

	private static long mix(long h, byte[] bytes) {
		for (byte b : bytes) {
			h = (h ^ (b & 0xff)) * 0x100000001b3L;
		}
		return h;
	}

}

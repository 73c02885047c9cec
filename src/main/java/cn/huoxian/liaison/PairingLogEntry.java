package cn.huoxian.liaison;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** One entry of a pairing's running ledger. */
public record PairingLogEntry(long id, long pairingId, LocalDate day, String entry, String recordedBy,
		OffsetDateTime recordedAt) {
}

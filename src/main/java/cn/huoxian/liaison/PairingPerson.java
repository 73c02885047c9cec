package cn.huoxian.liaison;

/** A person named in a pairing or liaison group: id and name. */
public record PairingPerson(long id, String name) {
}

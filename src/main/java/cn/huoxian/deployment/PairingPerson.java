package cn.huoxian.deployment;

/** A person named in a pairing or liaison group: id and name. */
public record PairingPerson(long id, String name) {
}

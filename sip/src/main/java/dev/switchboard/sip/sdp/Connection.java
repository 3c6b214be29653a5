package dev.switchboard.sip.sdp;

/**
 * A {@code c=} line: where media is sent. A multicast TTL or address count after the address
 * is dropped; a line provider only ever sends unicast.
 *
 * @param addressType {@code IP4} or {@code IP6}
 */
public record Connection(String netType, String addressType, String address) {

    /** The connection line for a local address, IP4 or IP6 told apart by the colon. */
    public static Connection of(String address) {
        return new Connection("IN", address.indexOf(':') >= 0 ? "IP6" : "IP4", address);
    }

    /** The value of the line, as in {@code c=IN IP4 192.0.2.1}. */
    @Override
    public String toString() {
        return netType + " " + addressType + " " + address;
    }
}

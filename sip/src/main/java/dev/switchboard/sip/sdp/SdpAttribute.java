package dev.switchboard.sip.sdp;

/**
 * An {@code a=} line.
 *
 * @param value the text after the first colon, or {@code null} for a property attribute such
 *              as {@code a=sendrecv}
 */
public record SdpAttribute(String name, String value) {

    /** Whether this attribute is called {@code name}, ignoring case (senders vary: T38FaxVersion, t38faxversion). */
    public boolean is(String name) {
        return this.name.equalsIgnoreCase(name);
    }

    /** The line's value, as in {@code a=rtpmap:0 PCMU/8000}. */
    @Override
    public String toString() {
        return value == null ? name : name + ":" + value;
    }
}

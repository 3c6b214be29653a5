package dev.switchboard.sip.sdp;

import java.util.Map;
import java.util.Optional;

/**
 * An {@code a=rtpmap} entry, or the RFC 3551 static assignment it stands for.
 *
 * @param encoding the encoding name as sent, such as {@code PCMU} or {@code telephone-event}
 * @param channels 1 unless the rtpmap says otherwise
 */
public record RtpMap(int payloadType, String encoding, int clockRate, int channels) {

    public static final String TELEPHONE_EVENT = "telephone-event";

    /** The static audio payload types of RFC 3551 that a caller may offer without rtpmap. */
    private static final Map<Integer, RtpMap> STATIC = Map.of(
            0, new RtpMap(0, "PCMU", 8000, 1),
            3, new RtpMap(3, "GSM", 8000, 1),
            4, new RtpMap(4, "G723", 8000, 1),
            8, new RtpMap(8, "PCMA", 8000, 1),
            9, new RtpMap(9, "G722", 8000, 1),
            13, new RtpMap(13, "CN", 8000, 1),
            18, new RtpMap(18, "G729", 8000, 1));

    /** The RFC 3551 static meaning of {@code payloadType}, if it has one this class knows. */
    public static Optional<RtpMap> staticFor(int payloadType) {
        return Optional.ofNullable(STATIC.get(payloadType));
    }

    /** Whether the encoding is {@code name}, ignoring case as RFC 4566 asks. */
    public boolean isEncoding(String name) {
        return encoding.equalsIgnoreCase(name);
    }

    /** The attribute value, as in {@code 101 telephone-event/8000}. */
    @Override
    public String toString() {
        return payloadType + " " + encoding + "/" + clockRate + (channels == 1 ? "" : "/" + channels);
    }
}

package dev.switchboard.sip.sdp;

/**
 * An {@code o=} line. The session id and version are kept as text: RFC 4566 only asks for
 * digits, and senders use values beyond the range of a {@code long}.
 */
public record Origin(String username, String sessionId, String sessionVersion,
                     String netType, String addressType, String address) {
}

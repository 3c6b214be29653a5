package dev.switchboard.sip.sdp;

/**
 * A kind of stream the provider is willing to take in an answer, and its local port.
 *
 * @param port the local RTP or UDPTL port, 1 to 65535
 */
public record AcceptedMedia(Kind kind, int port) {

    /** The kinds of stream the provider can terminate. */
    public enum Kind {
        /** G.711 (PCMU or PCMA) over RTP/AVP, with RFC 4733 telephone events when offered. */
        AUDIO,
        /** T.38 fax over UDPTL. */
        T38
    }

    public AcceptedMedia {
        if (kind == null) {
            throw new IllegalArgumentException("kind is required");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1 to 65535, was " + port);
        }
    }

    public static AcceptedMedia audio(int port) {
        return new AcceptedMedia(Kind.AUDIO, port);
    }

    public static AcceptedMedia t38(int port) {
        return new AcceptedMedia(Kind.T38, port);
    }
}

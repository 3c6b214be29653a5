package dev.switchboard.sip.sdp;

import java.util.Locale;
import java.util.Optional;

/** The media direction attributes of RFC 3264; SENDRECV when none is given. */
public enum Direction {
    SENDRECV, SENDONLY, RECVONLY, INACTIVE;

    /** The attribute name, as in {@code a=sendrecv}. */
    public String attributeName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The direction an answerer takes for an offer in this direction (RFC 3264 section 6.1). */
    public Direction answer() {
        return switch (this) {
            case SENDONLY -> RECVONLY;
            case RECVONLY -> SENDONLY;
            default -> this;
        };
    }

    /** The direction an attribute name stands for, if it is one. */
    public static Optional<Direction> fromAttribute(String name) {
        for (Direction d : values()) {
            if (d.attributeName().equalsIgnoreCase(name)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }
}

package dev.switchboard.sip.sdp;

import dev.switchboard.api.MediaMode;
import java.util.List;
import java.util.Optional;

/**
 * A parsed SDP body.
 *
 * @param connection the session-level {@code c=} line, or {@code null} when every stream has its own
 * @param timing     the {@code t=} value, which an answer must repeat (RFC 3264 section 6)
 * @param attributes the session-level {@code a=} lines, in order
 */
public record SessionDescription(Origin origin, String sessionName, Connection connection,
                                 String timing, List<SdpAttribute> attributes,
                                 List<MediaDescription> media) {

    public SessionDescription {
        attributes = List.copyOf(attributes);
        media = List.copyOf(media);
    }

    /** Where a stream's media goes: its own {@code c=} line, else the session's. */
    public Connection connectionOf(MediaDescription m) {
        return m.connection() != null ? m.connection() : connection;
    }

    /** A stream's direction: its own attribute, else the session's, else SENDRECV. */
    public Direction directionOf(MediaDescription m) {
        return m.ownDirection().or(this::sessionDirection).orElse(Direction.SENDRECV);
    }

    /** The first active stream of a type ({@code audio}, {@code image}, ...), if any. */
    public Optional<MediaDescription> firstActive(String mediaType) {
        return media.stream().filter(m -> m.isActive() && m.isMedia(mediaType)).findFirst();
    }

    /**
     * The TAPI media-mode bits this description offers, one bit for each kind of active stream
     * (audio and T.38 together give {@code INTERACTIVEVOICE|G3FAX}). A description with no
     * stream the provider recognises gives {@code UNKNOWN}, TAPI's word for "not yet known",
     * rather than an empty mask, which TAPI does not allow on a call.
     */
    public int mediaModes() {
        int mask = 0;
        for (MediaDescription m : media) {
            mask |= m.mediaMode().map(MediaMode::bit).orElse(0);
        }
        return mask != 0 ? mask : MediaMode.UNKNOWN.bit();
    }

    private Optional<Direction> sessionDirection() {
        return attributes.stream().filter(a -> a.value() == null)
                .map(a -> Direction.fromAttribute(a.name())).flatMap(Optional::stream).findFirst();
    }
}

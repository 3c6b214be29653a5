package dev.switchboard.sip.sdp;

import dev.switchboard.api.MediaMode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One {@code m=} section: the media line and the lines under it.
 *
 * @param media       {@code audio}, {@code video}, {@code image}, ...
 * @param port        0 when the stream is rejected or disabled
 * @param protocol    such as {@code RTP/AVP} or {@code udptl}
 * @param formats     payload types for RTP, {@code t38} for UDPTL
 * @param connection  this section's own {@code c=} line, or {@code null} to use the session's
 * @param rtpMaps     the section's {@code a=rtpmap} entries by payload type
 * @param fmtps       the section's {@code a=fmtp} parameters by payload type
 * @param attributes  every {@code a=} line of the section, in order (rtpmap and fmtp included)
 */
public record MediaDescription(String media, int port, String protocol, List<String> formats,
                               Connection connection, Map<Integer, RtpMap> rtpMaps,
                               Map<Integer, String> fmtps, List<SdpAttribute> attributes) {

    public MediaDescription {
        formats = List.copyOf(formats);
        rtpMaps = Map.copyOf(rtpMaps);
        fmtps = Map.copyOf(fmtps);
        attributes = List.copyOf(attributes);
    }

    /** Whether the offerer wants this stream: a port of 0 rejects or disables it. */
    public boolean isActive() {
        return port != 0;
    }

    /** Whether this is {@code m=<media> ...}, ignoring case. */
    public boolean isMedia(String type) {
        return media.equalsIgnoreCase(type);
    }

    /** Whether this is plain RTP/AVP, the only RTP profile the provider answers (no SRTP, no AVPF). */
    public boolean isRtpAvp() {
        return protocol.equalsIgnoreCase("RTP/AVP");
    }

    /** Whether this is T.38 fax over UDPTL: {@code m=image <port> udptl t38}. */
    public boolean isT38() {
        return isMedia("image") && protocol.equalsIgnoreCase("udptl")
                && formats.stream().anyMatch(f -> f.equalsIgnoreCase("t38"));
    }

    /** The rtpmap of a payload type: the explicit one, else its RFC 3551 static meaning. */
    public Optional<RtpMap> rtpMap(int payloadType) {
        RtpMap explicit = rtpMaps.get(payloadType);
        return explicit != null ? Optional.of(explicit) : RtpMap.staticFor(payloadType);
    }

    /**
     * The first PCMU or PCMA payload type at 8 kHz mono, in the offerer's order: the codec an
     * answer accepts, and so the one the media engine sends and decodes.
     */
    public OptionalInt firstG711PayloadType() {
        for (String format : formats) {
            int pt = payloadTypeOf(format);
            Optional<RtpMap> map = pt < 0 ? Optional.empty() : rtpMap(pt);
            if (map.filter(r -> (r.isEncoding("PCMU") || r.isEncoding("PCMA"))
                    && r.clockRate() == 8000 && r.channels() == 1).isPresent()) {
                return OptionalInt.of(pt);
            }
        }
        return OptionalInt.empty();
    }

    /** The payload type the offerer uses for RFC 4733 telephone events at 8 kHz, if it offers them. */
    public OptionalInt telephoneEventPayloadType() {
        for (String format : formats) {
            int pt = payloadTypeOf(format);
            if (pt >= 0 && rtpMap(pt).filter(m -> m.isEncoding(RtpMap.TELEPHONE_EVENT)
                    && m.clockRate() == 8000).isPresent()) {
                return OptionalInt.of(pt);
            }
        }
        return OptionalInt.empty();
    }

    /** The value of the first attribute called {@code name} (ignoring case), if any has a value. */
    public Optional<String> attribute(String name) {
        return attributes.stream().filter(a -> a.is(name) && a.value() != null)
                .map(SdpAttribute::value).findFirst();
    }

    /** Whether an attribute called {@code name} (ignoring case) is present, with or without a value. */
    public boolean hasAttribute(String name) {
        return attributes.stream().anyMatch(a -> a.is(name));
    }

    /** This section's own direction attribute, if it has one. */
    public Optional<Direction> ownDirection() {
        return attributes.stream().filter(a -> a.value() == null)
                .map(a -> Direction.fromAttribute(a.name())).flatMap(Optional::stream).findFirst();
    }

    /**
     * The media mode an active stream offers: audio is interactive voice, T.38 image is G3 fax,
     * video is video. Other streams (a disabled one, m=application, image that is not T.38)
     * name no mode.
     */
    public Optional<MediaMode> mediaMode() {
        if (!isActive()) {
            return Optional.empty();
        }
        if (isMedia("audio")) {
            return Optional.of(MediaMode.INTERACTIVEVOICE);
        }
        if (isT38()) {
            return Optional.of(MediaMode.G3FAX);
        }
        if (isMedia("video")) {
            return Optional.of(MediaMode.VIDEO);
        }
        return Optional.empty();
    }

    /** A format as an RTP payload type, or -1 when it is not a number (as {@code t38} is not). */
    static int payloadTypeOf(String format) {
        try {
            return Integer.parseInt(format);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}

package dev.switchboard.sip.sdp;

import dev.switchboard.api.MediaMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes RFC 3264 answers for one dialog, and the offer of a dialog this side starts
 * ({@link #offer}). One instance per dialog, because the {@code o=} line must keep its session
 * id and raise its version with every new description (a re-INVITE to T.38 included).
 *
 * <p>The answer has one m= line for each offered one, in the same order, as RFC 3264 requires;
 * streams not accepted get port 0. Audio takes the first G.711 codec in the offerer's order
 * plus telephone-event when offered, so that the media side knows exactly which codec to decode.
 */
public final class SdpAnswerWriter {

    static final String CRLF = "\r\n";
    private static final String USERNAME = "switchboard";
    /** The dynamic payload type offered for telephone-event: 101, as most phones and gateways use. */
    private static final int OFFERED_EVENTS_PAYLOAD_TYPE = 101;

    private final Connection local;
    private final long sessionId;
    private final AtomicLong version = new AtomicLong();

    /**
     * @param localAddress the IPv4 or IPv6 address media should be sent to
     * @param sessionId    the o= session id; a random or time-based positive number
     */
    public SdpAnswerWriter(String localAddress, long sessionId) {
        if (localAddress == null || localAddress.isBlank() || localAddress.contains(" ")) {
            throw new IllegalArgumentException("a local address without spaces is required, was '" + localAddress + "'");
        }
        if (sessionId < 0) {
            throw new IllegalArgumentException("sessionId must not be negative, was " + sessionId);
        }
        this.local = Connection.of(localAddress);
        this.sessionId = sessionId;
    }

    /** Answers {@code offer}, accepting at most one stream of each given kind. */
    public SdpAnswer answer(SessionDescription offer, AcceptedMedia... accepted) {
        StringBuilder sb = new StringBuilder();
        line(sb, "v=0");
        line(sb, "o=" + USERNAME + " " + sessionId + " " + version.getAndIncrement() + " " + local);
        line(sb, "s=" + USERNAME);
        line(sb, "c=" + local);
        line(sb, "t=" + offer.timing());
        List<AcceptedMedia> unused = new ArrayList<>(List.of(accepted));
        int modes = 0;
        for (MediaDescription m : offer.media()) {
            Optional<String> section = Optional.empty();
            for (AcceptedMedia a : unused) {
                section = m.isActive() ? accept(offer, m, a) : Optional.empty();
                if (section.isPresent()) {
                    unused.remove(a);
                    modes |= m.mediaMode().map(MediaMode::bit).orElse(0);
                    break;
                }
            }
            sb.append(section.orElseGet(() -> rejected(m)));
        }
        return new SdpAnswer(sb.toString(), modes);
    }

    /**
     * The offer of an outbound call: G.711 µ-law and A-law (µ-law preferred) and RFC 4733
     * telephone-event, sending and receiving, 20 ms packets; the same codecs the answers accept.
     *
     * @param port the local RTP port
     */
    public String offer(int port) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1 to 65535, was " + port);
        }
        StringBuilder sb = new StringBuilder();
        line(sb, "v=0");
        line(sb, "o=" + USERNAME + " " + sessionId + " " + version.getAndIncrement() + " " + local);
        line(sb, "s=" + USERNAME);
        line(sb, "c=" + local);
        line(sb, "t=0 0");
        line(sb, "m=audio " + port + " RTP/AVP 0 8 " + OFFERED_EVENTS_PAYLOAD_TYPE);
        line(sb, "a=rtpmap:0 PCMU/8000");
        line(sb, "a=rtpmap:8 PCMA/8000");
        line(sb, "a=rtpmap:" + OFFERED_EVENTS_PAYLOAD_TYPE + " " + RtpMap.TELEPHONE_EVENT + "/8000");
        line(sb, "a=fmtp:" + OFFERED_EVENTS_PAYLOAD_TYPE + " 0-15");
        line(sb, "a=ptime:20");
        line(sb, "a=" + Direction.SENDRECV.attributeName());
        return sb.toString();
    }

    private static Optional<String> accept(SessionDescription offer, MediaDescription m, AcceptedMedia a) {
        return switch (a.kind()) {
            case AUDIO -> m.isMedia("audio") && m.isRtpAvp()
                    ? audio(m, a.port(), offer.directionOf(m)) : Optional.empty();
            case T38 -> m.isT38() ? Optional.of(T38Answer.section(m, a.port())) : Optional.empty();
        };
    }

    private static Optional<String> audio(MediaDescription m, int port, Direction offered) {
        OptionalInt codec = m.firstG711PayloadType();
        if (codec.isEmpty()) {
            return Optional.empty();
        }
        int pt = codec.getAsInt();
        OptionalInt events = m.telephoneEventPayloadType();
        StringBuilder sb = new StringBuilder();
        line(sb, "m=audio " + port + " " + m.protocol() + " " + pt
                + (events.isPresent() ? " " + events.getAsInt() : ""));
        line(sb, "a=rtpmap:" + m.rtpMap(pt).orElseThrow());
        if (events.isPresent()) {
            line(sb, "a=rtpmap:" + events.getAsInt() + " " + RtpMap.TELEPHONE_EVENT + "/8000");
            // Events 0-15 are the DTMF digits, all the provider decodes.
            line(sb, "a=fmtp:" + events.getAsInt() + " 0-15");
        }
        line(sb, "a=ptime:20");
        line(sb, "a=" + offered.answer().attributeName());
        return Optional.of(sb.toString());
    }

    /** A rejected stream: port 0 and the offer's first format, which RFC 3264 section 6 allows. */
    private static String rejected(MediaDescription m) {
        return "m=" + m.media() + " 0 " + m.protocol() + " " + m.formats().get(0) + CRLF;
    }

    static void line(StringBuilder sb, String text) {
        sb.append(text).append(CRLF);
    }
}

package dev.switchboard.sip.provider;

import dev.switchboard.sip.sdp.SdpParseException;
import dev.switchboard.sip.sdp.SdpReader;
import dev.switchboard.sip.sdp.SessionDescription;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import javax.sip.header.ContentTypeHeader;
import javax.sip.message.Message;

/** Reads the SDP of an INVITE (or of the answer to one), turning every problem into the right SIP error. */
final class Offers {
    /** What a caller that sends no offer (RFC 3261 late offer) gets offered in the 200: G.711 and DTMF events. */
    private static final String LATE_OFFER_TEMPLATE = String.join("\r\n", "v=0", "o=- 0 0 IN IP4 0.0.0.0", "s=-",
            "c=IN IP4 0.0.0.0", "t=0 0", "m=audio 9 RTP/AVP 0 8 101", "a=rtpmap:101 telephone-event/8000", "");

    private Offers() {
    }

    /** The SDP of a request (an offer) or a response (the answer to our offer), or null when it carries no body. */
    static SessionDescription read(Message message) throws SipRejection {
        byte[] raw = message.getRawContent();
        if (raw == null || raw.length == 0) {
            return null;
        }
        ContentTypeHeader type = (ContentTypeHeader) message.getHeader(ContentTypeHeader.NAME);
        String mime = type == null ? "" : (type.getContentType() + "/" + type.getContentSubType()).toLowerCase(Locale.ROOT);
        if (!mime.equals("application/sdp")) {
            throw new SipRejection(415, "body of type '" + mime + "' is not application/sdp",
                    new String[] {"Accept", "application/sdp"});
        }
        try {
            return SdpReader.parse(new String(raw, StandardCharsets.UTF_8));
        } catch (SdpParseException e) {
            throw new SipRejection(400, "malformed SDP: " + e.getMessage());
        }
    }

    /** The stand-in offer answered when the caller sent none (the answer then is the provider's offer). */
    static SessionDescription lateOffer() {
        try {
            return SdpReader.parse(LATE_OFFER_TEMPLATE);
        } catch (SdpParseException e) {
            throw new IllegalStateException("the built-in late offer does not parse", e);
        }
    }
}

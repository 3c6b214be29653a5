package dev.switchboard.sip.provider;

import gov.nist.javax.sip.message.SIPMessage;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ListIterator;
import java.util.Locale;
import java.util.Set;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.AcceptHeader;
import javax.sip.header.CSeqHeader;
import javax.sip.header.ContentEncodingHeader;
import javax.sip.header.RequireHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;

/**
 * The checks RFC 3261 8.2 asks of a user agent server before it acts on a request, in its order:
 * what cannot be read at all (505, 513, 400), then the method (405), the Request-URI (416, 400),
 * the extensions the request requires (420) and the content (415, 406). Each failure is a
 * {@link SipRejection} whose reason names the offending value for the log; the response's reason
 * phrase is always the standard one.
 */
final class RequestValidator {
    /**
     * The option tags (RFC 3261 19.2) this provider implements, so the ones a {@code Require} may
     * name: {@link SipExtensions#SUPPORTED} (RFC 4028 session timers; no 100rel).
     */
    static final Set<String> SUPPORTED_OPTION_TAGS = SipExtensions.SUPPORTED;
    /**
     * The methods this provider implements; others get 405 with this list in Allow. NOTIFY carries a
     * blind transfer's progress (RFC 3515); outside a transfer it gets 481. UPDATE (RFC 3311) refreshes a
     * session (RFC 4028).
     */
    static final List<String> METHODS = List.of(Request.INVITE, Request.ACK, Request.BYE, Request.CANCEL,
            Request.INFO, Request.OPTIONS, Request.NOTIFY, Request.UPDATE);
    /** RFC 3261 8.1.1.5: a CSeq number is below 2**31. */
    static final long MAX_CSEQ = (1L << 31) - 1;
    private static final Set<String> SCHEMES = Set.of("sip", "sips");
    /** The headers the provider reads to decide what to do (long names, lower case). */
    private static final Set<String> ACTED_ON = Set.of("max-forwards", "require", "content-type", "content-encoding",
            "content-length", "accept", "contact", "call-id", "cseq", "from", "to", "via");

    private final SipSettings settings;

    RequestValidator(SipSettings settings) {
        this.settings = settings;
    }

    /** Throws the rejection {@code request} deserves, or returns when it may be acted on. */
    void check(Request request) throws SipRejection {
        readable(request);
        String method = request.getMethod();
        if (!METHODS.contains(method)) {
            throw new SipRejection(405, "method not implemented", new String[] {"Allow", Responses.ALLOW});
        }
        requestUri(request.getRequestURI());
        if (!method.equals(Request.CANCEL)) {
            required(request);
        }
        content(request);
        if (method.equals(Request.INVITE)) {
            acceptsSdp(request);
        }
    }

    private void readable(Request request) throws SipRejection {
        MessageFacts facts = MessageFacts.of(request);
        if (facts.unsupportedVersion() != null) {
            throw new SipRejection(505, "the request is " + facts.unsupportedVersion() + ", not SIP/2.0");
        }
        if (facts.oversizeBytes() > 0) {
            throw new SipRejection(513, "a datagram of " + facts.oversizeBytes() + " bytes or more is over "
                    + SipSettings.MAX_MESSAGE_SIZE + " " + settings.maxMessageSize());
        }
        if (!facts.duplicates().isEmpty()) {
            throw new SipRejection(400, "more than one " + String.join(", ", facts.duplicates()) + " header");
        }
        String garbled = garbled(request);
        if (garbled != null) {
            throw new SipRejection(400, "malformed " + garbled + " header");
        }
        CSeqHeader cseq = (CSeqHeader) request.getHeader(CSeqHeader.NAME);
        if (cseq != null && !cseq.getMethod().equals(request.getMethod())) {
            throw new SipRejection(400, "CSeq method " + cseq.getMethod() + " is not the request's");
        }
        // RFC 3261 8.1.1.5 wants CSeq below 2^31. A request that starts something must keep to it, or the
        // dialog it makes could never be ended: jain-sip reads no CSeq above 2^31, so the BYE would fail.
        // Within a dialog the stack's own limit stands, so that a dialog begun at 2^31-1 can still end.
        ToHeader to = (ToHeader) request.getHeader(ToHeader.NAME);
        boolean starts = to == null || to.getTag() == null;
        if (starts && cseq != null && cseq.getSeqNumber() > MAX_CSEQ) {
            throw new SipRejection(400, "CSeq " + cseq.getSeqNumber() + " is not below 2^31 (RFC 3261 8.1.1.5)");
        }
    }

    /**
     * jain-sip keeps a header it cannot parse only as text (an "unrecognized" header) and goes on
     * as if it were absent. For the headers this provider acts on, absent and garbled differ: a
     * garbled Require must not pass as no Require. Returns the first such header's name, or null.
     */
    private static String garbled(Request request) {
        if (!(request instanceof SIPMessage m)) {
            return null;
        }
        for (Iterator<String> it = m.getUnrecognizedHeaders(); it.hasNext(); ) {
            String line = it.next();
            int colon = line.indexOf(':');
            String name = colon < 0 ? "" : RawMessage.longName(line.substring(0, colon).trim().toLowerCase(Locale.ROOT));
            if (ACTED_ON.contains(name)) {
                return name;
            }
        }
        return null;
    }

    private static void requestUri(URI uri) throws SipRejection {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!SCHEMES.contains(scheme)) {
            throw new SipRejection(416, "request-URI scheme '" + scheme + "' is not sip or sips");
        }
        if (uri instanceof SipURI sip && sip.getHeaderNames() != null && sip.getHeaderNames().hasNext()) {
            throw new SipRejection(400, "the request-URI carries headers, which only a URI in a header may");
        }
    }

    /** RFC 3261 8.2.2.3: every option tag in Require must be supported, or 420 lists those that are not. */
    private static void required(Request request) throws SipRejection {
        List<String> unsupported = new ArrayList<>();
        ListIterator<?> it = request.getHeaders(RequireHeader.NAME);
        while (it != null && it.hasNext()) {
            String tag = ((RequireHeader) it.next()).getOptionTag();
            if (tag != null && !SUPPORTED_OPTION_TAGS.contains(tag.toLowerCase(Locale.ROOT)) && !unsupported.contains(tag)) {
                unsupported.add(tag);
            }
        }
        if (!unsupported.isEmpty()) {
            throw new SipRejection(420, "Require names " + unsupported + ", none of which this provider supports",
                    new String[] {"Unsupported", String.join(", ", unsupported)});
        }
    }

    /** RFC 3261 8.2.3: a content coding the server does not understand gets 415 with Accept-Encoding. */
    private static void content(Request request) throws SipRejection {
        Iterator<?> it = request.getHeaders(ContentEncodingHeader.NAME);
        while (it != null && it.hasNext()) {
            String coding = ((ContentEncodingHeader) it.next()).getEncoding();
            if (coding != null && !coding.equalsIgnoreCase("identity")) {
                throw new SipRejection(415, "Content-Encoding '" + coding + "' is not supported",
                        new String[] {"Accept-Encoding", "identity"});
            }
        }
    }

    /** The answer to an INVITE carries SDP: a caller whose Accept excludes it cannot take it (406). */
    private static void acceptsSdp(Request request) throws SipRejection {
        ListIterator<?> it = request.getHeaders(AcceptHeader.NAME);
        if (it == null || !it.hasNext()) {
            return; // no Accept: application/sdp is assumed (RFC 3261 20.1)
        }
        List<String> types = new ArrayList<>();
        while (it.hasNext()) {
            AcceptHeader a = (AcceptHeader) it.next();
            String type = a.getContentType() == null ? "*" : a.getContentType().toLowerCase(Locale.ROOT);
            String sub = a.getContentSubType() == null ? "*" : a.getContentSubType().toLowerCase(Locale.ROOT);
            if ((type.equals("*") || type.equals("application")) && (sub.equals("*") || sub.equals("sdp"))) {
                return;
            }
            types.add(type + "/" + sub);
        }
        throw new SipRejection(406, "Accept " + types + " does not allow the SDP the answer carries");
    }
}

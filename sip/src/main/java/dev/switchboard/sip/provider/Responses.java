package dev.switchboard.sip.provider;

import gov.nist.javax.sip.stack.SIPDialog;
import gov.nist.javax.sip.stack.SIPServerTransaction;
import java.security.SecureRandom;
import java.text.ParseException;
import java.util.HexFormat;
import java.util.List;
import javax.sip.ServerTransaction;
import javax.sip.address.Address;
import javax.sip.address.SipURI;
import javax.sip.header.ContactHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * Builds and sends responses: a To tag on every response but 100 (RFC 3261 8.2.6.2), a Contact
 * where a dialog needs it, SDP bodies, and the extra headers a rejection names (Allow, Retry-After,
 * Unsupported, ...). Reason phrases are always the standard ones: nothing of the request is echoed.
 */
final class Responses {
    static final String ALLOW = String.join(", ", RequestValidator.METHODS);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SipContext ctx;

    Responses(SipContext ctx) {
        this.ctx = ctx;
    }

    /** Sends {@code status} on {@code tx}; failures are logged, never thrown (the peer may be gone). */
    void send(ServerTransaction tx, int status, String toTag) {
        send(tx, status, toTag, null, List.of());
    }

    void send(ServerTransaction tx, int status, String toTag, String sdp, List<String[]> extraHeaders) {
        Request request = tx.getRequest();
        try {
            Response response = build(request, status, toTag, sdp, extraHeaders);
            armAckTimerFirst(tx, response);
            tx.sendResponse(response);
        } catch (Exception e) {
            SipLog.sendFailed(callIdOf(request), status + " to " + request.getMethod(), e);
        }
    }

    /**
     * jain-sip arms a 2xx-to-INVITE's retransmission timer only after the 2xx has left, and until
     * the timer is armed the dialog finds no INVITE transaction for an ACK and ignores it: a caller
     * that ACKs at once (SIPp, a phone on the LAN) then gets the 2xx again 500 ms later, and ACKs it
     * again. Under load that was one call in six. Arming it first closes the gap; the stack's own
     * arming then finds the timer running, and the timer stops at the ACK as usual.
     */
    private static void armAckTimerFirst(ServerTransaction tx, Response response) {
        if (response.getStatusCode() / 100 == 2 && tx instanceof SIPServerTransaction st && st.isInviteTransaction()
                && tx.getDialog() instanceof SIPDialog dialog) {
            dialog.startRetransmitTimer(st, response);
        }
    }

    /**
     * Sends {@code status} without a transaction, for a request the stack could make none for
     * (it lacks what one needs, or it is PUBLISH without Event): the peer's retransmissions are
     * answered again each time.
     */
    void sendStateless(Request request, int status, List<String[]> extraHeaders) {
        try {
            ctx.sipProvider().sendResponse(build(request, status, null, null, extraHeaders));
        } catch (Exception e) {
            SipLog.sendFailed(callIdOf(request), status + " to " + request.getMethod(), e);
        }
    }

    Response build(Request request, int status, String toTag, String sdp, List<String[]> extraHeaders)
            throws ParseException {
        Response r = ctx.messages().createResponse(status, request);
        ToHeader to = (ToHeader) r.getHeader(ToHeader.NAME);
        if (to != null && to.getTag() == null && status > 100) {
            to.setTag(toTag != null ? toTag : newTag()); // a UAS tags every response it makes (8.2.6.2)
        }
        if (request.getMethod().equals(Request.INVITE) && status > 100 && status < 300) {
            r.addHeader(contact(request));
        }
        if (status == 200 && request.getMethod().equals(Request.OPTIONS)) {
            addHeader(r, "Allow", ALLOW);
            addHeader(r, "Accept", "application/sdp");
        }
        for (String[] h : extraHeaders) {
            addHeader(r, h[0], h[1]);
        }
        if (sdp != null) {
            ContentTypeHeader type = ctx.headers().createContentTypeHeader("application", "sdp");
            r.setContent(sdp, type);
        }
        return r;
    }

    /** Adds a header; a list value (Allow, Accept, Unsupported) becomes one header per element, as the stack wants. */
    private void addHeader(Response r, String name, String value) throws ParseException {
        String[] values = name.equals("Warning") ? new String[] {value} : value.split(",");
        for (String v : values) {
            r.addHeader(ctx.headers().createHeader(name, v.trim()));
        }
    }

    private ContactHeader contact(Request request) throws ParseException {
        String user = request.getRequestURI() instanceof SipURI uri ? uri.getUser() : null;
        SipSettings s = ctx.settings();
        SipURI uri = ctx.addresses().createSipURI(user, s.listenAddress());
        if (cameOverTls(request)) {
            // the dialog's later requests must come back over TLS too (sips: when the caller asked for it)
            uri.setSecure(request.getRequestURI().isSipURI() && ((SipURI) request.getRequestURI()).isSecure());
            uri.setPort(s.tls().port());
            if (!uri.isSecure()) {
                uri.setTransportParam("tls");
            }
        } else {
            uri.setPort(s.port());
            uri.setTransportParam(s.transport());
        }
        Address address = ctx.addresses().createAddress(uri);
        return ctx.headers().createContactHeader(address);
    }

    private static boolean cameOverTls(Request request) {
        javax.sip.header.ViaHeader via = (javax.sip.header.ViaHeader) request.getHeader(javax.sip.header.ViaHeader.NAME);
        return via != null && "TLS".equalsIgnoreCase(via.getTransport());
    }

    /**
     * RFC 3261 14.2: a second INVITE while one of the dialog awaits its final response gets 500
     * with a Retry-After chosen at random from 0 to 10 seconds, so that both sides do not retry in step.
     */
    static String[] retryAfterForPendingInvite() {
        return new String[] {"Retry-After", String.valueOf(RANDOM.nextInt(11))};
    }

    /** A fresh To tag: 64 random bits. */
    static String newTag() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    static String callIdOf(Request request) {
        javax.sip.header.CallIdHeader h = (javax.sip.header.CallIdHeader) request.getHeader(javax.sip.header.CallIdHeader.NAME);
        return h == null ? "(no Call-ID)" : h.getCallId();
    }
}

package dev.switchboard.sip.provider;

import java.text.ParseException;
import java.util.List;
import javax.sip.ServerTransaction;
import javax.sip.address.Address;
import javax.sip.address.SipURI;
import javax.sip.header.ContactHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/** Builds and sends responses: a To tag and Contact where a dialog needs them, SDP bodies, Retry-After. */
final class Responses {
    static final String ALLOW = "INVITE, ACK, BYE, CANCEL, INFO, OPTIONS, UPDATE";

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
            tx.sendResponse(build(request, status, toTag, sdp, extraHeaders));
        } catch (Exception e) {
            SipLog.sendFailed(callIdOf(request), status + " to " + request.getMethod(), e);
        }
    }

    Response build(Request request, int status, String toTag, String sdp, List<String[]> extraHeaders)
            throws ParseException {
        Response r = ctx.messages().createResponse(status, request);
        ToHeader to = (ToHeader) r.getHeader(ToHeader.NAME);
        if (toTag != null && to != null && to.getTag() == null) {
            to.setTag(toTag);
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

    /** Adds a header; a list value (Allow, Accept) becomes one header per element, as the stack wants. */
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
        uri.setPort(s.port());
        uri.setTransportParam(s.transport());
        Address address = ctx.addresses().createAddress(uri);
        return ctx.headers().createContactHeader(address);
    }

    static String callIdOf(Request request) {
        javax.sip.header.CallIdHeader h = (javax.sip.header.CallIdHeader) request.getHeader(javax.sip.header.CallIdHeader.NAME);
        return h == null ? "(no Call-ID)" : h.getCallId();
    }
}

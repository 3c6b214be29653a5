package dev.switchboard.sip.provider;

import java.text.ParseException;
import java.util.List;
import javax.sip.InvalidArgumentException;
import javax.sip.address.Address;
import javax.sip.address.SipURI;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;

/**
 * Builds the INVITE of an outbound call from the provider's own address: From (the line, with a
 * tag), To (the destination), Call-ID, CSeq 1, a Via whose branch the stack adds, Max-Forwards 70,
 * Contact, Allow, a Route to the outbound proxy when one is set, and the SDP offer.
 */
final class OutboundRequests {
    private static final int MAX_FORWARDS = 70;

    private OutboundRequests() {
    }

    static Request invite(SipContext ctx, String line, String callId, String fromTag, SipURI target, String offer)
            throws ParseException, InvalidArgumentException {
        SipSettings s = ctx.settings();
        HeaderFactory h = ctx.headers();
        SipURI requestUri = (SipURI) target.clone();
        if (requestUri.getTransportParam() == null && !s.transport().equals("udp")) {
            requestUri.setTransportParam(s.transport()); // the stack listens on this transport only
        }
        CallIdHeader id = h.createCallIdHeader(callId);
        ViaHeader via = h.createViaHeader(s.listenAddress(), s.port(), s.transport(), null);
        Request invite = ctx.messages().createRequest(requestUri, Request.INVITE, id,
                h.createCSeqHeader(1L, Request.INVITE), h.createFromHeader(lineAddress(ctx, line, false), fromTag),
                h.createToHeader(ctx.addresses().createAddress(target), null), List.of(via),
                h.createMaxForwardsHeader(MAX_FORWARDS));
        ContactHeader contact = h.createContactHeader(lineAddress(ctx, line, true));
        invite.addHeader(contact);
        for (String method : Responses.ALLOW.split(",")) {
            invite.addHeader(h.createAllowHeader(method.strip()));
        }
        SipSettings.Outbound out = s.outbound();
        if (out.hasProxy()) {
            SipURI proxy = ctx.addresses().createSipURI(null, out.proxyHost());
            proxy.setPort(out.proxyPort());
            proxy.setLrParam();
            proxy.setTransportParam(s.transport());
            invite.addHeader(h.createRouteHeader(ctx.addresses().createAddress(proxy)));
        }
        invite.setContent(offer, h.createContentTypeHeader("application", "sdp"));
        return invite;
    }

    /** The address of a line as From (no transport) and Contact (with it) carry it. */
    private static Address lineAddress(SipContext ctx, String line, boolean contact) throws ParseException {
        SipSettings s = ctx.settings();
        SipURI uri = ctx.addresses().createSipURI(line, s.listenAddress());
        uri.setPort(s.port());
        if (contact) {
            uri.setTransportParam(s.transport());
        }
        return ctx.addresses().createAddress(uri);
    }
}

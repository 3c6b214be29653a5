package dev.switchboard.sip.provider;

import java.text.ParseException;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.ResponseEvent;
import javax.sip.address.SipURI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.ContactHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * One call's RFC 4028 session as this side keeps it: the agreement in force, and, when this side
 * is the refresher, its refreshes (an UPDATE when the caller lists UPDATE in Allow, else a
 * re-INVITE offering the SDP last sent, unchanged) and what their responses mean. Used only on the
 * call's serial executor, like the rest of {@link SipCall}.
 */
final class SessionRefresher {
    /** What a response or a timeout means for the session. */
    enum Outcome {
        /** Not the final response to the refresh in progress: nothing changes. */
        NONE,
        /** Refreshed: the session timer starts again with {@link #agreement()}. */
        REFRESHED,
        /** Send the refresh again now (a 422 raised the interval; UPDATE turned out unsupported). */
        SEND_AGAIN,
        /** Send it again shortly (491: the caller's own request crossed it). */
        SEND_LATER,
        /** The refresh failed: the caller is gone or has lost the dialog. */
        FAILED
    }

    private final SipContext ctx;
    private final String callId;
    private final String line;
    private SessionTimer.Agreement session;
    private boolean peerAllowsUpdate;
    private ClientTransaction inProgress;

    SessionRefresher(SipContext ctx, String callId, String line, Request invite) {
        this.ctx = ctx;
        this.callId = callId;
        this.line = line;
        this.peerAllowsUpdate = invite != null && SessionTimer.allowsUpdate(invite);
    }

    /** The agreement in force, or null when no session timer runs. */
    SessionTimer.Agreement agreement() {
        return session;
    }

    void agreed(SessionTimer.Agreement agreed) {
        session = agreed;
    }

    boolean weRefresh() {
        return session != null && session.weRefresh();
    }

    /** Whether this side's refresh waits for its final response (a re-INVITE from the caller now is glare). */
    boolean inProgress() {
        return inProgress != null;
    }

    /**
     * Sends a refresh in {@code dialog}; {@code localSdp} is offered again in a re-INVITE.
     *
     * @return false when it could not be sent (the caller then tries again later)
     */
    boolean send(Dialog dialog, String localSdp) {
        String method = peerAllowsUpdate || localSdp == null ? Request.UPDATE : Request.INVITE;
        try {
            Request refresh = dialog.createRequest(method);
            for (String[] h : SessionTimer.refreshHeaders(session, ctx.settings().limits())) {
                refresh.addHeader(ctx.headers().createHeader(h[0], h[1]));
            }
            if (refresh.getHeader(ContactHeader.NAME) == null) {
                refresh.addHeader(contact());
            }
            if (method.equals(Request.INVITE)) {
                refresh.setContent(localSdp, ctx.headers().createContentTypeHeader("application", "sdp"));
            }
            ClientTransaction ct = ctx.sipProvider().getNewClientTransaction(refresh);
            inProgress = ct;
            dialog.sendRequest(ct);
            return true;
        } catch (Exception e) {
            inProgress = null;
            SipLog.sendFailed(callId, "a session refresh (" + method + ")", e);
            return false;
        }
    }

    /** What a response in the dialog means; a 2xx to a re-INVITE is acknowledged whatever became of the call. */
    Outcome onResponse(ResponseEvent event) {
        Response response = event.getResponse();
        CSeqHeader cseq = (CSeqHeader) response.getHeader(CSeqHeader.NAME);
        int status = response.getStatusCode();
        if (cseq.getMethod().equals(Request.INVITE) && status >= 200 && status < 300) {
            acknowledge(event, callId);
        }
        ClientTransaction ct = event.getClientTransaction();
        if (status < 200 || ct == null || ct != inProgress) {
            return Outcome.NONE; // provisional, a retransmitted 2xx, or the response to a BYE
        }
        inProgress = null;
        if (session == null) {
            return Outcome.NONE;
        }
        if (status < 300) {
            peerAllowsUpdate |= SessionTimer.allowsUpdate(response);
            session = SessionTimer.afterRefresh(response, session);
            return Outcome.REFRESHED;
        }
        if (status == 422) { // RFC 4028 7.4: again, at once, with the interval the caller asks for
            session = new SessionTimer.Agreement(Math.max(session.seconds(), SessionTimer.minSe(response)), true,
                    session.peerSupportsTimer());
            return Outcome.SEND_AGAIN;
        }
        if (status == 491) {
            return Outcome.SEND_LATER;
        }
        if ((status == 405 || status == 501) && cseq.getMethod().equals(Request.UPDATE)) {
            peerAllowsUpdate = false; // listed in Allow but not taken: refresh by re-INVITE
            return Outcome.SEND_AGAIN;
        }
        SipLog.refreshFailed(callId, cseq.getMethod(), String.valueOf(status));
        return Outcome.FAILED;
    }

    /** The refresh got no final response (RFC 3261 Timer B or F): FAILED, or NONE for another request. */
    Outcome onTimeout(ClientTransaction ct) {
        if (ct != inProgress) {
            return Outcome.NONE;
        }
        inProgress = null;
        SipLog.refreshFailed(callId, ct.getRequest().getMethod(), "no response (timeout)");
        return Outcome.FAILED;
    }

    /** The call has ended: a late response to a refresh changes nothing. */
    void ended() {
        inProgress = null;
    }

    /** Acknowledges a 2xx to this side's re-INVITE (RFC 3261 13.2.2.4), also for a call that has ended. */
    static void acknowledge(ResponseEvent event, String callId) {
        Dialog dialog = event.getDialog();
        if (dialog == null) {
            return;
        }
        try {
            long seq = ((CSeqHeader) event.getResponse().getHeader(CSeqHeader.NAME)).getSeqNumber();
            dialog.sendAck(dialog.createAck(seq));
        } catch (Exception e) {
            SipLog.sendFailed(callId, "ACK", e);
        }
    }

    private ContactHeader contact() throws ParseException {
        SipSettings s = ctx.settings();
        SipURI uri = ctx.addresses().createSipURI(line, s.listenAddress());
        uri.setPort(s.port());
        uri.setTransportParam(s.transport());
        return ctx.headers().createContactHeader(ctx.addresses().createAddress(uri));
    }
}

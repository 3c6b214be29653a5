package dev.switchboard.sip.provider;

import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.ResponseEvent;
import javax.sip.TransactionState;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.message.Message;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * Responses to the INVITE of an outbound call that is already over for the switchboard (nobody
 * answered in time, the owner dropped it): a provisional response gets the CANCEL that could not
 * be sent before one came (RFC 3261 section 9.1), and an answer that crossed the CANCEL is
 * acknowledged and hung up at once (section 9.1 again: the 2xx must be ACKed, then BYE). The call
 * keeps no state for this: its place in sipMaxCalls and its media are free as soon as it ends.
 */
final class StrayResponses {
    private StrayResponses() {
    }

    /** The Call-ID of a response (or request), for finding its call. */
    static String callIdOf(Message message) {
        CallIdHeader h = (CallIdHeader) message.getHeader(CallIdHeader.NAME);
        return h == null ? "(no Call-ID)" : h.getCallId();
    }

    /** A response whose call is no longer known. */
    static void handle(SipContext ctx, ResponseEvent event) {
        Response r = event.getResponse();
        CSeqHeader cseq = (CSeqHeader) r.getHeader(CSeqHeader.NAME);
        ClientTransaction ct = event.getClientTransaction();
        if (cseq == null || !Request.INVITE.equals(cseq.getMethod()) || ct == null) {
            return; // responses to BYEs, NOTIFY answers and retransmissions need nothing
        }
        int status = r.getStatusCode();
        String callId = Responses.callIdOf(ct.getRequest());
        if (status < 200 && ct.getState() == TransactionState.PROCEEDING) {
            cancel(ctx, callId, ct);
        } else if (status >= 200 && status < 300) {
            ackAndBye(ctx, event);
        }
    }

    /** CANCELs a ringing INVITE; a second CANCEL of the same INVITE is refused by the stack, and that is fine. */
    static void cancel(SipContext ctx, String callId, ClientTransaction invite) {
        try {
            Request cancel = invite.createCancel();
            ctx.sipProvider().getNewClientTransaction(cancel).sendRequest();
            SipLog.strayResponse(callId, "CANCEL");
        } catch (Exception e) {
            SipLog.strayResponse(callId, "no CANCEL (" + e.getMessage() + ")");
        }
    }

    /** Acknowledges a 2xx nobody wants any more, then hangs it up. */
    static void ackAndBye(SipContext ctx, ResponseEvent event) {
        Dialog d = event.getDialog();
        String callId = Responses.callIdOf(event.getClientTransaction().getRequest());
        if (d == null) {
            return;
        }
        try {
            long cseq = ((CSeqHeader) event.getResponse().getHeader(CSeqHeader.NAME)).getSeqNumber();
            d.sendAck(d.createAck(cseq));
        } catch (Exception e) {
            SipLog.sendFailed(callId, "ACK of a late answer", e);
        }
        bye(ctx, callId, d);
        SipLog.strayResponse(callId, "ACK and BYE");
    }

    static void bye(SipContext ctx, String callId, Dialog d) {
        try {
            ClientTransaction ct = ctx.sipProvider().getNewClientTransaction(d.createRequest(Request.BYE));
            d.sendRequest(ct);
        } catch (Exception e) {
            SipLog.sendFailed(callId, "BYE", e);
        }
    }
}

package dev.switchboard.sip.provider;

import dev.switchboard.core.spi.ProviderTimer;
import dev.switchboard.sip.control.ControlResult;
import dev.switchboard.sip.control.SipFrag;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.address.SipURI;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.EventHeader;
import javax.sip.header.SubscriptionStateHeader;
import javax.sip.message.Request;

/**
 * One blind transfer of a connected call (R29, TAPI's lineBlindTransfer): a REFER with Refer-To
 * (RFC 3515), then the NOTIFYs of the implicit subscription, each answered 200, whose
 * {@code message/sipfrag} bodies say how the transferred call goes. A 2xx there is SUCCESS; 300 or
 * more is FAILED with that status, and the call stays as it was; 1xx is progress and changes
 * nothing. A REFER refused, no final NOTIFY within sipTransferTimeoutMillis, or the call ending
 * first are FAILED too. Exactly one result is told. Runs on the call's serial executor.
 */
final class BlindTransfer {
    /** Told the transfer's one result, with what happened ({@code 200 OK}, {@code REFER answered 603 Decline}, ...). */
    @FunctionalInterface
    interface Finished {
        void finished(ControlResult result, String detail);
    }

    private static final String SIPFRAG = "message/sipfrag";

    private final SipContext ctx;
    private final String callId;
    private final Dialog dialog;
    private final SipURI target;
    private final Finished finished;
    private final Responses responses;
    private ClientTransaction refer;
    private boolean done;
    private ProviderTimer.Scheduled timeout = () -> { };

    /**
     * @param finished told once: the call reports the result, and on SUCCESS sends BYE
     */
    BlindTransfer(SipContext ctx, String callId, Dialog dialog, SipURI target, Finished finished) {
        this.ctx = ctx;
        this.callId = callId;
        this.dialog = dialog;
        this.target = target;
        this.finished = finished;
        this.responses = new Responses(ctx);
    }

    /** Sends the REFER and starts waiting for the final NOTIFY; {@code onCall} runs the timeout on the call's executor. */
    void start(Consumer<Runnable> onCall) {
        try {
            Request request = dialog.createRequest(Request.REFER);
            request.addHeader(ctx.headers().createReferToHeader(ctx.addresses().createAddress(target)));
            refer = ctx.sipProvider().getNewClientTransaction(request);
            dialog.sendRequest(refer);
        } catch (Exception e) {
            finish(ControlResult.FAILED, "the REFER could not be sent: " + e.getMessage());
            return;
        }
        long millis = ctx.settings().outbound().transferTimeoutMillis();
        try {
            timeout = ctx.provider().timer().schedule(Duration.ofMillis(millis), () -> onCall.accept(() ->
                    finish(ControlResult.FAILED, "no final NOTIFY within " + SipSettings.TRANSFER_TIMEOUT + " "
                            + millis + " ms")));
        } catch (RejectedExecutionException e) {
            SipLog.refused(callId, "the transfer timeout", "the transfer waits for its final NOTIFY or the end of"
                    + " the call without a time limit", e);
        }
    }

    void onResponse(ResponseEvent event) {
        if (done || event.getClientTransaction() != refer) {
            return;
        }
        int status = event.getResponse().getStatusCode();
        if (status >= 300) {
            finish(ControlResult.FAILED, "REFER answered " + status + " " + event.getResponse().getReasonPhrase());
        }
        // 202 (or 200): accepted; the outcome comes in the NOTIFYs, which may even have come first
    }

    void onTimeout(ClientTransaction timedOut) {
        if (timedOut == refer) {
            finish(ControlResult.FAILED, "no response to the REFER");
        }
    }

    /** A NOTIFY in the call's dialog while this transfer waits. */
    void onNotify(ServerTransaction tx) {
        Request notify = tx.getRequest();
        EventHeader event = (EventHeader) notify.getHeader(EventHeader.NAME);
        if (event == null || !"refer".equalsIgnoreCase(event.getEventType())) {
            SipLog.rejected(callId, "NOTIFY", 489, "event " + (event == null ? "(none)" : event.getEventType())
                    + " is not the refer subscription");
            responses.send(tx, 489, null, null, List.<String[]>of(new String[] {"Allow-Events", "refer"}));
            return;
        }
        ContentTypeHeader type = (ContentTypeHeader) notify.getHeader(ContentTypeHeader.NAME);
        String mime = type == null ? "" : (type.getContentType() + "/" + type.getContentSubType()).toLowerCase(Locale.ROOT);
        byte[] raw = notify.getRawContent();
        SipFrag frag;
        try {
            if (!mime.equals(SIPFRAG)) {
                throw new IllegalArgumentException("body of type '" + mime + "' is not " + SIPFRAG);
            }
            frag = SipFrag.parse(raw == null ? null : new String(raw, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            SipLog.rejected(callId, "NOTIFY", 400, e.getMessage());
            responses.send(tx, 400, null);
            return; // a later NOTIFY, or the timeout, decides
        }
        responses.send(tx, 200, null);
        SubscriptionStateHeader state = (SubscriptionStateHeader) notify.getHeader(SubscriptionStateHeader.NAME);
        boolean ended = state != null && SubscriptionStateHeader.TERMINATED.equalsIgnoreCase(state.getState());
        if (frag.isProvisional()) {
            if (ended) {
                finish(ControlResult.FAILED, "the subscription ended at " + frag);
            }
            return;
        }
        finish(frag.isSuccess() ? ControlResult.SUCCESS : ControlResult.FAILED, frag.toString());
    }

    /** The call ended (hang-up, drop, provider stop) before the outcome was known. */
    void callEnded() {
        finish(ControlResult.FAILED, "the call ended before the transfer's outcome was known");
    }

    private void finish(ControlResult result, String detail) {
        if (done) {
            return;
        }
        done = true;
        timeout.cancel();
        SipLog.controlResult(callId, "blind transfer to " + target, result, detail);
        finished.finished(result, detail);
    }
}

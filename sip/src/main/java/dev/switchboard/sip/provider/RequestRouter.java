package dev.switchboard.sip.provider;

import dev.switchboard.api.MediaMode;
import dev.switchboard.sip.sdp.SessionDescription;
import java.io.IOException;
import java.net.DatagramSocket;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import javax.sip.ClientTransaction;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipListener;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionAlreadyExistsException;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.TransactionUnavailableException;
import javax.sip.address.SipURI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;

/**
 * The stack's listener: checks each request, answers what needs no call at once (limits, unknown
 * lines, OPTIONS, stray requests), and hands the rest to the call's serial executor. It runs on
 * the stack's threads, so it only ever submits work; it never lets an exception reach the stack.
 */
final class RequestRouter implements SipListener {
    private static final String RETRY_AFTER_SECONDS = "5";
    private static final int SUPPORTED_MODES = MediaMode.INTERACTIVEVOICE.bit() | MediaMode.G3FAX.bit();

    private final SipContext ctx;
    private final Responses responses;
    private final SecureRandom random = new SecureRandom();

    RequestRouter(SipContext ctx) {
        this.ctx = ctx;
        this.responses = new Responses(ctx);
    }

    @Override
    public void processRequest(RequestEvent event) {
        Request request = event.getRequest();
        try {
            route(event, request);
        } catch (RuntimeException e) {
            SipLog.handlerFailed(e);
        }
    }

    private void route(RequestEvent event, Request request) {
        String method = request.getMethod();
        if (method.equals(Request.ACK)) {
            return; // the dialog layer stops the 200's retransmissions; nothing for the call
        }
        ServerTransaction tx = serverTransaction(event);
        if (tx == null) {
            return;
        }
        String callId = Responses.callIdOf(request);
        int size = request.toString().length();
        if (size > ctx.settings().maxMessageSize()) {
            reject(tx, method, callId, new SipRejection(513, "message of " + size + " bytes is over "
                    + SipSettings.MAX_MESSAGE_SIZE + " " + ctx.settings().maxMessageSize()));
            return;
        }
        boolean inDialog = ((ToHeader) request.getHeader(ToHeader.NAME)).getTag() != null;
        switch (method) {
            case Request.INVITE -> {
                if (inDialog) {
                    toCall(tx, callId, call -> call.onReinvite(tx));
                } else {
                    newCall(tx, callId);
                }
            }
            case Request.BYE -> toCall(tx, callId, call -> call.onBye(tx));
            case Request.INFO -> toCall(tx, callId, call -> call.onInfo(tx));
            case Request.UPDATE -> toCall(tx, callId, call -> call.onUpdate(tx));
            case Request.CANCEL -> cancel(tx, callId);
            case Request.OPTIONS -> responses.send(tx, 200, null);
            default -> reject(tx, method, callId, new SipRejection(405, "method not supported",
                    new String[] {"Allow", Responses.ALLOW}));
        }
    }

    private ServerTransaction serverTransaction(RequestEvent event) {
        ServerTransaction tx = event.getServerTransaction();
        if (tx != null) {
            return tx;
        }
        try {
            return ctx.sipProvider().getNewServerTransaction(event.getRequest());
        } catch (TransactionAlreadyExistsException e) {
            return null; // a retransmission: the transaction already answers it
        } catch (TransactionUnavailableException e) {
            // the parser let it through but it lacks what a transaction needs (Max-Forwards, a Via branch)
            badRequest(event.getRequest(), e.getMessage());
            return null;
        } catch (Exception e) {
            SipLog.sendFailed(Responses.callIdOf(event.getRequest()), "a transaction for "
                    + event.getRequest().getMethod(), e);
            return null;
        }
    }

    private void badRequest(Request request, String reason) {
        SipLog.rejected(Responses.callIdOf(request), request.getMethod(), 400, reason);
        if (request.getMethod().equals(Request.ACK)) {
            return; // never answered
        }
        try {
            ctx.sipProvider().sendResponse(ctx.messages().createResponse(400, request));
        } catch (Exception e) {
            SipLog.sendFailed(Responses.callIdOf(request), "400 to " + request.getMethod(), e);
        }
    }

    private void newCall(ServerTransaction tx, String callId) {
        Request request = tx.getRequest();
        String toTag = newTag();
        DatagramSocket socket = null;
        try {
            if (!(request.getRequestURI() instanceof SipURI uri)) {
                throw new SipRejection(416, "request-URI " + request.getRequestURI() + " is not a sip: URI");
            }
            String line = ctx.settings().lineFor(uri.getUser());
            if (line == null) {
                throw new SipRejection(404, "user '" + uri.getUser() + "' names no line of "
                        + SipSettings.LINES + " " + ctx.settings().lines());
            }
            SessionTimer.checkInterval(request, ctx.settings().limits());
            if (ctx.calls().isFull()) {
                throw overLimit(SipSettings.MAX_CALLS + " " + ctx.settings().maxCalls() + " calls are up");
            }
            SessionDescription offer = Offers.read(request);
            int modes = offer == null ? MediaMode.INTERACTIVEVOICE.bit() : offer.mediaModes() & SUPPORTED_MODES;
            if (modes == 0) {
                throw new SipRejection(488, "the offer has no audio or T.38 stream", new String[] {"Warning",
                        "304 " + ctx.settings().listenAddress() + " \"Media type not available\""});
            }
            if (Integer.bitCount(modes) > 1) {
                modes |= MediaMode.UNKNOWN.bit(); // TAPI: several candidates are offered as UNKNOWN plus them
            }
            try {
                socket = ctx.rtpPorts().open();
            } catch (IOException e) {
                throw overLimit(SipSettings.RTP_PORT_RANGE + ": " + e.getMessage());
            }
            SipCall call = new SipCall(ctx, callId, line, tx, offer, modes, socket, toTag);
            if (!ctx.calls().tryAdd(call)) {
                throw overLimit(SipSettings.MAX_CALLS + " " + ctx.settings().maxCalls() + " calls are up,"
                        + " or the Call-ID is in use");
            }
            socket = null; // the call owns it now
            String caller = ((FromHeader) request.getHeader(FromHeader.NAME)).getAddress().getURI().toString();
            try {
                call.submitOrRefuse(() -> call.start(caller, uri.toString()));
            } catch (RejectedExecutionException e) {
                ctx.calls().remove(call);
                call.abandonMedia();
                throw overLimit("no thread for the call: " + e.getMessage());
            }
        } catch (SipRejection r) {
            if (r.status() == 503) {
                SipLog.overLimit(callId, r.getMessage());
                responses.send(tx, 503, toTag, null, r.headers());
            } else {
                reject(tx, "INVITE", callId, r);
            }
        } finally {
            if (socket != null) {
                socket.close();
            }
        }
    }

    private static SipRejection overLimit(String why) {
        return new SipRejection(503, why, new String[] {"Retry-After", RETRY_AFTER_SECONDS});
    }

    private void toCall(ServerTransaction tx, String callId, Consumer<SipCall> handler) {
        SipCall call = ctx.calls().get(callId);
        if (call == null) {
            reject(tx, tx.getRequest().getMethod(), callId, new SipRejection(481, "no such call"));
            return;
        }
        submit(call, tx.getRequest().getMethod(), () -> handler.accept(call));
    }

    /** Hands a request to its call; a refused hand-off stays queued and runs with the call's next message. */
    private static void submit(SipCall call, String what, Runnable task) {
        try {
            call.submit(task);
        } catch (RejectedExecutionException e) {
            SipLog.refused(call.id(), "the handler of " + what, "it runs with the call's next message", e);
        }
    }

    private void cancel(ServerTransaction tx, String callId) {
        SipCall call = ctx.calls().get(callId);
        if (call == null) {
            reject(tx, Request.CANCEL, callId, new SipRejection(481, "no such call"));
            return;
        }
        responses.send(tx, 200, null); // the CANCEL itself; the INVITE gets its 487 from the call
        submit(call, Request.CANCEL, call::onCancel);
    }

    private void reject(ServerTransaction tx, String method, String callId, SipRejection r) {
        SipLog.rejected(callId, method, r.status(), r.getMessage());
        responses.send(tx, r.status(), Request.INVITE.equals(method) ? newTag() : null, null, r.headers());
    }

    private String newTag() {
        byte[] bytes = new byte[8];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public void processDialogTerminated(DialogTerminatedEvent event) {
        SipCall call = ctx.calls().get(event.getDialog().getCallId().getCallId());
        if (call != null) {
            submit(call, "the end of the dialog", call::onDialogTerminated);
        }
    }

    @Override
    public void processResponse(ResponseEvent event) {
        // responses to the provider's own requests: its BYEs and its session refreshes
        try {
            String callId = ((CallIdHeader) event.getResponse().getHeader(CallIdHeader.NAME)).getCallId();
            SipCall call = ctx.calls().get(callId);
            if (call != null) {
                submit(call, "a response", () -> call.onResponse(event));
            } else if (((CSeqHeader) event.getResponse().getHeader(CSeqHeader.NAME)).getMethod().equals(Request.INVITE)
                    && event.getResponse().getStatusCode() / 100 == 2) {
                SessionRefresher.acknowledge(event, callId); // a refresh answered after the call ended: stop its retransmissions
            }
        } catch (RuntimeException e) {
            SipLog.handlerFailed(e);
        }
    }

    @Override
    public void processTimeout(TimeoutEvent event) {
        // an unacknowledged 200 ends in processDialogTerminated; a lost BYE changes nothing here; an
        // unanswered session refresh means the caller is gone
        ClientTransaction ct = event.isServerTransaction() ? null : event.getClientTransaction();
        if (ct != null) {
            SipCall call = ctx.calls().get(Responses.callIdOf(ct.getRequest()));
            if (call != null) {
                submit(call, "a request timeout", () -> call.onRequestTimeout(ct));
            }
        }
    }

    @Override
    public void processIOException(IOExceptionEvent event) {
        SipLog.stackError("I/O error towards " + event.getHost() + ":" + event.getPort() + "/" + event.getTransport());
    }

    @Override
    public void processTransactionTerminated(TransactionTerminatedEvent event) {
        // nothing to free: calls end on BYE, CANCEL, drop or dialog termination
    }
}

package dev.switchboard.sip.provider;

import dev.switchboard.api.MediaMode;
import dev.switchboard.sip.sdp.SessionDescription;
import java.io.IOException;
import java.nio.channels.DatagramChannel;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import javax.sip.ClientTransaction;
import javax.sip.DialogTerminatedEvent;
import javax.sip.InvalidArgumentException;
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
import javax.sip.header.MaxForwardsHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;

/**
 * The stack's listener: checks each request ({@link RequestValidator}), answers what needs no call
 * at once (limits, unknown lines, OPTIONS, stray requests), and hands the rest to the call's
 * serial executor. It runs on the stack's one message thread, so it only ever submits work; it
 * never lets an exception reach the stack.
 */
final class RequestRouter implements SipListener {
    private static final String RETRY_AFTER_SECONDS = "5";
    private static final int SUPPORTED_MODES = MediaMode.INTERACTIVEVOICE.bit() | MediaMode.G3FAX.bit();

    private final SipContext ctx;
    private final Responses responses;
    private final RequestValidator validator;
    private final QueueDelayLimit queueDelayLimit;

    RequestRouter(SipContext ctx) {
        this.ctx = ctx;
        this.responses = new Responses(ctx);
        this.validator = new RequestValidator(ctx.settings());
        this.queueDelayLimit = new QueueDelayLimit(ctx.provider().queueingDelay(), ctx.settings().maxQueueDelayMillis());
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
        String callId = Responses.callIdOf(request);
        try {
            validator.check(request); // before anything is added: a garbled Max-Forwards is a 400
        } catch (SipRejection r) {
            addMissingMaxForwards(request); // so that the stack makes a transaction to answer on
            refuse(event, callId, r);
            return;
        }
        addMissingMaxForwards(request);
        ServerTransaction tx = serverTransaction(event);
        if (tx == null) {
            return;
        }
        if (!ctx.settings().transport().equals("udp")) {
            // over UDP the parser measured the datagram itself (MessageFacts); a stream is measured here
            int size = request.toString().length();
            if (size > ctx.settings().maxMessageSize()) {
                reject(tx, method, callId, new SipRejection(513, "message of " + size + " bytes is over "
                        + SipSettings.MAX_MESSAGE_SIZE + " " + ctx.settings().maxMessageSize()));
                return;
            }
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
            case Request.NOTIFY -> toCall(tx, callId, call -> call.onNotify(tx)); // a transfer's progress (R29)
            case Request.UPDATE -> toCall(tx, callId, call -> call.onUpdate(tx));
            case Request.CANCEL -> cancel(tx, callId);
            case Request.OPTIONS -> responses.send(tx, 200, null);
            default -> reject(tx, method, callId, new SipRejection(405, "method not implemented",
                    new String[] {"Allow", Responses.ALLOW}));
        }
    }

    /**
     * RFC 2543 peers send no Max-Forwards (RFC 4475 3.4.1), and jain-sip makes no transaction for a
     * request without one; the request ends here, so the value only satisfies the stack.
     */
    private void addMissingMaxForwards(Request request) {
        if (request.getHeader(MaxForwardsHeader.NAME) == null) {
            try {
                request.addHeader(ctx.headers().createMaxForwardsHeader(70));
            } catch (InvalidArgumentException e) {
                throw new IllegalStateException(e); // 70 is valid
            }
        }
    }

    /**
     * Answers a request that failed {@link RequestValidator}: through its transaction when the
     * stack can make one (so retransmissions are absorbed), otherwise statelessly.
     */
    private void refuse(RequestEvent event, String callId, SipRejection r) {
        Request request = event.getRequest();
        SipLog.rejected(callId, request.getMethod(), r.status(), r.getMessage());
        ServerTransaction tx = event.getServerTransaction();
        if (tx == null) {
            try {
                tx = ctx.sipProvider().getNewServerTransaction(request);
            } catch (TransactionAlreadyExistsException e) {
                return; // a retransmission: the transaction answers it again
            } catch (Exception e) {
                responses.sendStateless(request, r.status(), r.headers());
                return;
            }
        }
        responses.send(tx, r.status(), null, null, r.headers());
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
            // the parser let it through but it lacks what a transaction needs (a Contact, say)
            SipLog.rejected(Responses.callIdOf(event.getRequest()), event.getRequest().getMethod(), 400, e.getMessage());
            responses.sendStateless(event.getRequest(), 400, List.of());
            return null;
        } catch (Exception e) {
            SipLog.sendFailed(Responses.callIdOf(event.getRequest()), "a transaction for "
                    + event.getRequest().getMethod(), e);
            return null;
        }
    }

    private void newCall(ServerTransaction tx, String callId) {
        Request request = tx.getRequest();
        String toTag = Responses.newTag();
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
            String behind = queueDelayLimit.refusal();
            if (behind != null) {
                // before the call takes an RTP port or a thread: the point is to shed load cheaply
                SipLog.overloaded(callId, behind);
                responses.send(tx, 503, toTag, null, overLimit(behind).headers());
                return;
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
            SipCall call;
            try {
                DatagramChannel rtp = ctx.rtpPorts().open();
                call = new SipCall(ctx, callId, callId, line, tx, offer, modes, rtp, toTag); // owns the port now
            } catch (IOException e) {
                throw overLimit(SipSettings.RTP_PORT_RANGE + ": " + e.getMessage());
            }
            if (!ctx.calls().tryAdd(call)) {
                call.abandonMedia();
                throw overLimit(SipSettings.MAX_CALLS + " " + ctx.settings().maxCalls() + " calls are up,"
                        + " or the Call-ID is in use");
            }
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
        }
    }

    private static SipRejection overLimit(String why) {
        return new SipRejection(503, why, new String[] {"Retry-After", RETRY_AFTER_SECONDS});
    }

    private void toCall(ServerTransaction tx, String callId, Consumer<SipCall> handler) {
        SipCall call = ctx.calls().byCallId(callId);
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
        SipCall call = ctx.calls().byCallId(callId);
        if (call == null) {
            reject(tx, Request.CANCEL, callId, new SipRejection(481, "no such call"));
            return;
        }
        responses.send(tx, 200, call.toTag()); // the CANCEL itself, tagged as the INVITE's answers (RFC 3261 9.2)
        submit(call, Request.CANCEL, call::onCancel);
    }

    private void reject(ServerTransaction tx, String method, String callId, SipRejection r) {
        SipLog.rejected(callId, method, r.status(), r.getMessage());
        responses.send(tx, r.status(), null, null, r.headers());
    }

    @Override
    public void processDialogTerminated(DialogTerminatedEvent event) {
        SipCall call = ctx.calls().byCallId(event.getDialog().getCallId().getCallId());
        if (call != null) {
            submit(call, "the end of the dialog", () -> call.onDialogTerminated(event.getDialog()));
        }
    }

    @Override
    public void processResponse(ResponseEvent event) {
        try {
            if (event.getClientTransaction() != null
                    && event.getClientTransaction().getApplicationData() instanceof OrphanCalls.Sent sent) {
                sent.answered(event.getResponse()); // a dead node's call: nothing of this node's to tell
                return;
            }
            String callId = StrayResponses.callIdOf(event.getResponse());
            SipCall call = ctx.calls().byCallId(callId);
            if (call != null) {
                // its INVITE (R30) or REFER (R29), a BYE, or a session refresh
                submit(call, "a response", () -> call.onResponse(event));
            } else {
                // the call is over: a late answer to a placed call's INVITE is cancelled or hung up, a
                // session refresh answered after the end is acknowledged (its BYE then finds no dialog)
                StrayResponses.handle(ctx, event);
            }
        } catch (RuntimeException e) {
            SipLog.handlerFailed(e);
        }
    }

    @Override
    public void processTimeout(TimeoutEvent event) {
        // an unacknowledged 200 ends in processDialogTerminated; a lost BYE changes nothing here;
        // an INVITE or REFER of ours that got no response at all ends what it was for, and an
        // unanswered session refresh means the caller is gone
        ClientTransaction ct = event.isServerTransaction() ? null : event.getClientTransaction();
        if (ct != null && ct.getApplicationData() instanceof OrphanCalls.Sent sent) {
            sent.timedOut();
            return;
        }
        SipCall call = ct == null ? null : ctx.calls().byCallId(Responses.callIdOf(ct.getRequest()));
        if (call != null) {
            submit(call, "a request's timeout", () -> call.onClientTimeout(ct));
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

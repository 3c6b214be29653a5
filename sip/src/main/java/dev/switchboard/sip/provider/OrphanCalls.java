package dev.switchboard.sip.provider;

import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import javax.sip.ClientTransaction;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * Ends the calls another node of a cluster held when it died: sends each the {@link OrphanBye}
 * built from the dialog facts that node reported, through this node's stack in a client
 * transaction of its own (retransmitted over UDP, timer F), and logs how the peer took it. The
 * call is not this node's: the core hears nothing about it, and no dialog, media or call slot is
 * made for it. Nothing here waits for the network on the caller's thread: the BYE goes out on the
 * provider's executor and its answer or timeout arrives on the stack's thread
 * ({@link RequestRouter} hands it to {@link Sent}).
 */
final class OrphanCalls {
    private final SipContext ctx;

    OrphanCalls(SipContext ctx) {
        this.ctx = ctx;
    }

    /** What is remembered of a BYE on its way, as its client transaction's application data. */
    record Sent(String callId, String line, String target, long sentAtNanos) {
        void answered(Response response) {
            int status = response.getStatusCode();
            if (status < 200) {
                return;
            }
            long millis = (System.nanoTime() - sentAtNanos) / 1_000_000;
            String outcome = status < 300 ? "the call is ended"
                    : status == 481 ? "the peer no longer had the dialog: the call had already ended"
                    : "the peer refused the BYE; its side of the call may still be up";
            SipLog.orphanByeOutcome(callId, line, status + " " + response.getReasonPhrase(), outcome, millis,
                    status < 300 || status == 481);
        }

        void timedOut() {
            long millis = (System.nanoTime() - sentAtNanos) / 1_000_000;
            SipLog.orphanByeOutcome(callId, line, "no response", "the peer is unreachable or gone; its side of"
                    + " the call may still be up until its own timers end it", millis, false);
        }
    }

    /**
     * Checks the facts, builds the BYE and hands its sending to the provider's executor.
     *
     * @return false, logged with the reason, when the facts cannot be used
     */
    boolean end(Map<String, String> factsMap) {
        String callId = factsMap == null ? null : factsMap.get(DialogFacts.CALL_ID);
        DialogFacts facts;
        Request bye;
        try {
            facts = DialogFacts.fromMap(factsMap);
            if (ctx.calls().byCallId(facts.callId()) != null) {
                throw new IllegalArgumentException("the call is this node's own, not a dead node's");
            }
            bye = OrphanBye.build(facts, sender(facts.transport()), ctx.messages(), ctx.headers(), ctx.addresses());
        } catch (IllegalArgumentException e) {
            SipLog.orphanRefused(callId, e.getMessage());
            return false;
        }
        try {
            ctx.provider().executor().execute(() -> send(facts, bye));
        } catch (RejectedExecutionException e) {
            SipLog.orphanRefused(callId, "no thread to send its BYE on: " + e.getMessage());
            return false;
        }
        return true;
    }

    /** This node's Via for the dialog's transport; a transport this node does not listen on cannot be used. */
    private OrphanBye.Sender sender(String transport) {
        SipSettings s = ctx.settings();
        if (transport.equals("tls")) {
            if (!s.tls().enabled()) {
                throw new IllegalArgumentException("the dialog runs over TLS and this node has no TLS listener ("
                        + SipSettings.TLS_PORT + ")");
            }
            return new OrphanBye.Sender(s.listenAddress(), s.tls().port(), "tls");
        }
        if (!transport.equals(s.transport())) {
            throw new IllegalArgumentException("the dialog runs over " + transport + " and this node listens on "
                    + s.transport() + " (" + SipSettings.TRANSPORT + ")");
        }
        return new OrphanBye.Sender(s.listenAddress(), s.port(), s.transport());
    }

    private void send(DialogFacts facts, Request bye) {
        String target = bye.getRequestURI().toString();
        try {
            ClientTransaction ct = ctx.sipProvider().getNewClientTransaction(bye);
            ct.setApplicationData(new Sent(facts.callId(), facts.line(), target, System.nanoTime()));
            ct.sendRequest();
            SipLog.orphanByeSent(facts.callId(), facts.line(), target, facts.routeSet().size(),
                    ((javax.sip.header.CSeqHeader) bye.getHeader(javax.sip.header.CSeqHeader.NAME)).getSeqNumber());
        } catch (Exception e) {
            SipLog.orphanByeOutcome(facts.callId(), facts.line(), "not sent", e.getMessage()
                    + "; its side of the call may still be up", 0, false);
        }
    }
}

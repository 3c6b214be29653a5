package dev.switchboard.sip.provider;

import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.stack.MessageChannel;
import gov.nist.javax.sip.stack.SIPDialog;
import gov.nist.javax.sip.stack.SIPMessageValve;
import gov.nist.javax.sip.stack.SIPServerTransaction;
import gov.nist.javax.sip.stack.SIPTransaction;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sip.SipStack;
import javax.sip.TransactionState;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * Two answers that jain-sip's dialog layer gives on its own, before the listener could, and gets
 * wrong; this message valve sits in front of it and gives the right ones, statelessly:
 * <ul>
 * <li>An INVITE that arrives while an earlier INVITE of its dialog still awaits its final
 *     response: the stack says 491, RFC 3261 14.2 says 500 with Retry-After (491 is for glare, an
 *     INVITE of our own in progress, which the stack still answers, rightly). The branch is kept
 *     to drop the ACK that the 500 draws, which no transaction would match. {@link SipCall}
 *     answers the same for a re-INVITE the stack lets through (another request came between).</li>
 * <li>A BYE or UPDATE for no dialog: the stack says 481 without a To tag; RFC 3261 8.2.6.2 wants one.</li>
 * </ul>
 */
final class DialogLayerValve implements SIPMessageValve {
    private static final int REMEMBERED = 256;

    private final SIPTransactionStack stack;
    private final Responses responses;
    private final Set<String> refusedBranches = Collections.newSetFromMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    });

    DialogLayerValve(SIPTransactionStack stack, Responses responses) {
        this.stack = stack;
        this.responses = responses;
    }

    @Override
    public boolean processRequest(SIPRequest request, MessageChannel channel) {
        String branch = request.getTopmostVia() == null ? null : request.getTopmostVia().getBranch();
        if (request.getMethod().equals(Request.ACK)) {
            synchronized (refusedBranches) {
                return branch == null || !refusedBranches.remove(branch);
            }
        }
        if ((request.getMethod().equals(Request.BYE) || request.getMethod().equals(Request.UPDATE))
                && request.getCallId() != null
                && stack.getDialog(request.getDialogId(true)) == null
                && stack.findTransaction(request, true) == null) { // a retransmission gets its 200 again
            SipLog.rejected(request.getCallId().getCallId(), request.getMethod(), 481, "no such call");
            responses.sendStateless(request, 481, List.of());
            return false;
        }
        if (!request.getMethod().equals(Request.INVITE) || request.getToTag() == null || request.getCSeq() == null) {
            return true;
        }
        SIPDialog dialog = stack.getDialog(request.getDialogId(true));
        SIPTransaction last = dialog == null ? null : dialog.getLastTransaction();
        if (last instanceof SIPServerTransaction && last.isInviteTransaction() && awaitsFinal(last)
                && request.getCSeq().getSeqNumber() > last.getCSeq()) {
            SipLog.rejected(request.getCallId().getCallId(), "re-INVITE", 500,
                    "an earlier INVITE of the call awaits its final response");
            responses.sendStateless(request, 500, List.<String[]>of(Responses.retryAfterForPendingInvite()));
            if (branch != null) {
                synchronized (refusedBranches) {
                    refusedBranches.add(branch);
                }
            }
            return false;
        }
        return true;
    }

    private static boolean awaitsFinal(SIPTransaction tx) {
        return TransactionState.TRYING.equals(tx.getState()) || TransactionState.PROCEEDING.equals(tx.getState());
    }

    @Override
    public boolean processResponse(Response response, MessageChannel channel) {
        return true;
    }

    @Override
    public void init(SipStack sipStack) {
        // made by the provider with what it needs; nothing to read from the stack
    }

    @Override
    public void destroy() {
        // nothing held
    }
}

package dev.switchboard.sip.provider;

import dev.switchboard.api.CallState;
import dev.switchboard.api.DisconnectReason;
import dev.switchboard.core.spi.ProviderTimer;
import dev.switchboard.sip.control.Digest;
import dev.switchboard.sip.control.DigestChallenge;
import dev.switchboard.sip.control.DigestCredentials;
import dev.switchboard.sip.control.FinalResponses;
import dev.switchboard.sip.sdp.MediaDescription;
import dev.switchboard.sip.sdp.SdpParseException;
import dev.switchboard.sip.sdp.SdpReader;
import dev.switchboard.sip.sdp.SessionDescription;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.ListIterator;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.ResponseEvent;
import javax.sip.TransactionState;
import javax.sip.address.SipURI;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.CSeqHeader;
import javax.sip.header.ProxyAuthenticateHeader;
import javax.sip.header.ProxyAuthorizationHeader;
import javax.sip.header.ViaHeader;
import javax.sip.header.WWWAuthenticateHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * The INVITE of a call this side places (R30, TAPI's lineMakeCall), from the request to the
 * answer or the reason there is none: progress (the first response is PROCEEDING, 180 or 183
 * RINGBACK), the ACK of a 2xx and the SDP answer, Digest answers to 401/407 challenges with the
 * configured credentials, CANCEL when nobody answers within sipNoAnswerTimeoutMillis or the owner
 * drops the call, and the mapping of final errors to disconnect reasons ({@link FinalResponses}).
 * Progress and the reason a call ends unanswered go to the core as the call's state
 * ({@code callStateChanged}, {@code callDisconnected}). Runs on the call's serial executor, like the
 * rest of the call. Once the call is over, responses still on their way are
 * {@link StrayResponses}' business.
 */
final class OutboundInvite {
    /** At most this many challenges are answered for one call (a proxy's and a server's, each once more if stale). */
    private static final int MAX_CHALLENGES = 4;

    private final SipContext ctx;
    private final SipCall call;
    private final SipURI target;
    private final String fromTag;
    private final String offer;
    /** Realms answered so far, by kind ("401 realm"): answering one again without stale means refused credentials. */
    private final Set<String> answered = new HashSet<>();
    private Request invite;
    private ClientTransaction tx;
    private Dialog dialog;
    private boolean proceeding;
    private boolean ringback;
    private boolean settled;
    private ProviderTimer.Scheduled noAnswer = () -> { };

    OutboundInvite(SipContext ctx, SipCall call, SipURI target, String fromTag, String offer) {
        this.ctx = ctx;
        this.call = call;
        this.target = target;
        this.fromTag = fromTag;
        this.offer = offer;
    }

    /** The dialog of the answer, or null before it. */
    Dialog dialog() {
        return dialog;
    }

    SipURI target() {
        return target;
    }

    /** Sends the INVITE. */
    void send() {
        try {
            invite = OutboundRequests.invite(ctx, call.line(), call.sipCallId(), fromTag, target, offer);
            tx = ctx.sipProvider().getNewClientTransaction(invite);
            tx.sendRequest();
        } catch (Exception e) {
            fail(DisconnectReason.UNREACHABLE, "the INVITE could not be sent: " + e.getMessage());
        }
    }

    void onResponse(ResponseEvent event) {
        Response r = event.getResponse();
        int status = r.getStatusCode();
        if (settled) {
            if (isSuccess(status) && event.getDialog() != null && event.getDialog() != dialog
                    && event.getClientTransaction() != null) {
                StrayResponses.ackAndBye(ctx, event); // a second branch of a forked INVITE answered too
            }
            return;
        }
        if (event.getClientTransaction() != null && event.getClientTransaction() != tx) {
            return; // the answer to an INVITE that a challenge made us send again
        }
        if (!proceeding) {
            proceeding = true;
            ctx.events().callStateChanged(call.id(), CallState.PROCEEDING);
            startNoAnswerTimer();
        }
        if (status < 200) {
            if ((status == 180 || status == 183) && !ringback) {
                ringback = true;
                ctx.events().callStateChanged(call.id(), CallState.RINGBACK);
            }
            return;
        }
        if (isSuccess(status)) {
            answered(event);
            return;
        }
        if (status == 401 || status == 407) {
            String refusal = answerChallenge(r);
            if (refusal == null) {
                return;
            }
            fail(DisconnectReason.UNKNOWN, status + " " + r.getReasonPhrase() + ": " + refusal);
            return;
        }
        fail(FinalResponses.reasonFor(status), status + " " + r.getReasonPhrase());
    }

    /** The INVITE got no response at all (timer B). */
    void onTimeout(ClientTransaction timedOut) {
        if (!settled && timedOut == tx) {
            fail(DisconnectReason.UNREACHABLE, "no response to the INVITE");
        }
    }

    /**
     * Gives up on the call before it is answered (the owner dropped it, or nobody answered): CANCEL
     * once a provisional response has come; before that, the provisional response that comes later
     * is cancelled by {@link StrayResponses}, as RFC 3261 section 9.1 asks.
     */
    void cancel() {
        settled = true;
        noAnswer.cancel();
        if (tx != null && tx.getState() == TransactionState.PROCEEDING) {
            StrayResponses.cancel(ctx, call.id(), tx);
        }
    }

    /** The call ended some other way (the provider stops): nothing more to wait for. */
    void callEnded() {
        settled = true;
        noAnswer.cancel();
    }

    private void answered(ResponseEvent event) {
        settled = true;
        noAnswer.cancel();
        Dialog d = event.getDialog();
        Response r = event.getResponse();
        try {
            long cseq = ((CSeqHeader) r.getHeader(CSeqHeader.NAME)).getSeqNumber();
            d.sendAck(d.createAck(cseq));
        } catch (Exception e) {
            fail(DisconnectReason.UNKNOWN, "the 2xx could not be acknowledged: " + e.getMessage());
            StrayResponses.bye(ctx, call.id(), d);
            return;
        }
        Optional<MediaDescription> answer;
        SessionDescription sdp = null;
        String problem;
        try {
            sdp = Offers.read(r);
            answer = sdp == null ? Optional.empty() : sdp.firstActive("audio").filter(a -> Reoffers.g711Of(a).isPresent());
            problem = sdp == null ? "the answer has no SDP" : "the SDP answer has no G.711 audio";
        } catch (SipRejection e) {
            answer = Optional.empty();
            problem = "the answer's body is unusable: " + e.getMessage();
        }
        if (answer.isEmpty()) {
            StrayResponses.bye(ctx, call.id(), d);
            fail(DisconnectReason.UNKNOWN, problem);
            return;
        }
        dialog = d;
        // RTP goes where the answer says, with its payload types; the far end sends with those of our
        // offer (RFC 3264 section 5.1), which matters for telephone-event, the one dynamic type
        call.outboundConnected(sdp, answer.get(), Reoffers.g711Of(answer.get()).orElseThrow(),
                ownAudio().telephoneEventPayloadType().orElse(-1));
    }

    private MediaDescription ownAudio() {
        try {
            return SdpReader.parse(offer).firstActive("audio").orElseThrow();
        } catch (SdpParseException e) {
            throw new IllegalStateException("the provider's own offer does not parse: " + e.getMessage(), e);
        }
    }

    /** Sends the INVITE again with credentials for the challenge; null when sent, else why not. */
    private String answerChallenge(Response r) {
        boolean proxy = r.getStatusCode() == 407;
        String challengeName = proxy ? ProxyAuthenticateHeader.NAME : WWWAuthenticateHeader.NAME;
        String answerName = proxy ? ProxyAuthorizationHeader.NAME : AuthorizationHeader.NAME;
        List<DigestChallenge> challenges = new ArrayList<>();
        ListIterator<?> headers = r.getHeaders(challengeName);
        while (headers.hasNext()) {
            WWWAuthenticateHeader h = (WWWAuthenticateHeader) headers.next();
            if ("Digest".equalsIgnoreCase(h.getScheme()) && h.getRealm() != null && h.getNonce() != null) {
                challenges.add(new DigestChallenge(h.getRealm(), h.getNonce(), h.getAlgorithm(),
                        DigestChallenge.qopOptions(h.getQop()), h.getOpaque(), h.isStale()));
            }
        }
        DigestCredentials credentials = ctx.settings().outbound().credentials();
        String realm = challenges.isEmpty() ? "(none)" : challenges.get(0).realm();
        String refusal = null;
        Optional<DigestChallenge> chosen = Digest.strongest(challenges);
        if (credentials == null) {
            refusal = "the far end asks for credentials and " + SipSettings.AUTH_USERNAME + " is not set";
        } else if (chosen.isEmpty()) {
            refusal = "no Digest challenge this provider can answer (" + challengeName + ": "
                    + String.join(" | ", headerTexts(r, challengeName)) + ")";
        } else if (answered.size() >= MAX_CHALLENGES
                || answered.contains(r.getStatusCode() + " " + chosen.get().realm()) && !chosen.get().stale()) {
            refusal = "the credentials of " + SipSettings.AUTH_USERNAME + " '" + credentials.username()
                    + "' were refused for realm '" + chosen.get().realm() + "'";
        }
        if (refusal != null) {
            SipLog.challengeRefused(call.id(), chosen.map(DigestChallenge::realm).orElse(realm), refusal);
            return refusal;
        }
        try {
            Request again = (Request) invite.clone();
            CSeqHeader cseq = (CSeqHeader) again.getHeader(CSeqHeader.NAME);
            cseq.setSeqNumber(cseq.getSeqNumber() + 1);
            ((ViaHeader) again.getHeader(ViaHeader.NAME)).removeParameter("branch"); // a new transaction
            again.removeHeader(answerName); // an answer to a proxy's challenge stays when the server challenges next
            String value = Digest.authorization(chosen.get(), credentials, Request.INVITE,
                    again.getRequestURI().toString(), again.getRawContent(), Digest.newClientNonce());
            again.addHeader(ctx.headers().createHeader(answerName, value));
            ClientTransaction next = ctx.sipProvider().getNewClientTransaction(again);
            next.sendRequest();
            invite = again;
            tx = next;
            answered.add(r.getStatusCode() + " " + chosen.get().realm());
            return null;
        } catch (Exception e) {
            return "the INVITE with credentials could not be sent: " + e.getMessage();
        }
    }

    private static List<String> headerTexts(Response r, String name) {
        List<String> texts = new ArrayList<>();
        r.getHeaders(name).forEachRemaining(h -> texts.add(h.toString().strip()));
        return texts;
    }

    private void startNoAnswerTimer() {
        long millis = ctx.settings().outbound().noAnswerTimeoutMillis();
        try {
            noAnswer = ctx.provider().timer().schedule(Duration.ofMillis(millis), () -> call.submit(this::noAnswer));
        } catch (RejectedExecutionException e) {
            SipLog.refused(call.id(), "the no-answer timeout", "the call rings until the far end gives up or the owner"
                    + " drops it", e);
        }
    }

    private void noAnswer() {
        if (settled) {
            return;
        }
        cancel();
        fail(DisconnectReason.NOANSWER, "no answer within " + SipSettings.NO_ANSWER_TIMEOUT + " "
                + ctx.settings().outbound().noAnswerTimeoutMillis() + " ms");
    }

    private void fail(DisconnectReason reason, String detail) {
        settled = true;
        noAnswer.cancel();
        SipLog.outboundFailed(call.id(), target.toString(), reason, detail);
        call.failOutbound(reason);
    }

    private static boolean isSuccess(int status) {
        return status >= 200 && status < 300;
    }

    /** For logs: where the call goes. */
    @Override
    public String toString() {
        return "INVITE " + target + " (" + call.id() + ")";
    }
}

package dev.switchboard.sip.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Redirect before answer (302) and blind transfer after (REFER, NOTIFY sipfrag), against a raw caller (R29). */
class RedirectAndTransferTest {
    private static final String SDP = "application/sdp";
    private static final String SIPFRAG = "message/sipfrag;version=2.0";
    private static final String OPERATOR = "sip:operator@127.0.0.1:5999";

    private final ProviderFixture fx = new ProviderFixture();
    private int notifyCseq = 20;

    @AfterEach
    void stop() throws Exception {
        fx.close();
    }

    private void ring(SipPeer caller) throws Exception {
        caller.send("INVITE", "sales", SDP, SipLineProviderTest.AUDIO_OFFER);
        caller.response(180, "INVITE");
        assertThat(fx.events.next(caller.callId)).isEqualTo("newCall sales 0x4");
    }

    private void connect(SipPeer caller) throws Exception {
        ring(caller);
        fx.provider.answer(caller.callId);
        assertThat(caller.finalResponse("INVITE").status()).isEqualTo(200);
        caller.send("ACK", "sales", null, null);
        assertThat(fx.events.next(caller.callId)).isEqualTo("state CONNECTED");
    }

    /** Answers a request the provider sent the caller (REFER) with any status. */
    private static void reply(SipPeer caller, SipPeer.Message request, int status, String reason) throws IOException {
        caller.sendRaw("SIP/2.0 " + status + " " + reason + "\r\nVia: " + request.header("via") + "\r\nFrom: "
                + request.header("from") + "\r\nTo: " + request.header("to") + "\r\nCall-ID: "
                + request.header("call-id") + "\r\nCSeq: " + request.header("cseq") + "\r\nContent-Length: 0\r\n\r\n");
    }

    /** The transferee's NOTIFY of the refer subscription, with a sipfrag body; returns its answer's status. */
    private int notify(SipPeer caller, String event, String state, String contentType, String frag) throws IOException {
        int n = ++notifyCseq;
        String request = caller.request("NOTIFY", "sales", n, contentType, frag)
                .replace("Max-Forwards: 70\r\n", "Max-Forwards: 70\r\nEvent: " + event + "\r\nSubscription-State: "
                        + state + "\r\n");
        caller.sendRaw(request);
        return caller.expect(m -> m.isResponse() && m.method().equals("NOTIFY")
                && m.header("cseq").startsWith(n + " "), "answer to NOTIFY " + n).status();
    }

    /** A request of the caller after its NOTIFYs: its CSeq must go on from theirs. */
    private SipPeer.Message inDialog(SipPeer caller, String method, String contentType, String body) throws IOException {
        int n = ++notifyCseq;
        caller.sendRaw(caller.request(method, "sales", n, contentType, body));
        return caller.expect(m -> m.isResponse() && m.status() >= 200 && m.header("cseq").equals(n + " " + method),
                "answer to " + method + " " + n);
    }

    private SipPeer.Message refer(SipPeer caller) throws IOException {
        return caller.expect(m -> !m.isResponse() && m.method().equals("REFER"), "REFER from the provider");
    }

    @Test
    void redirectBeforeAnswerSends302WithTheDestinationAndEndsTheCall_R29() throws Exception {
        fx.start(Map.of());
        SipPeer caller = fx.caller();
        ring(caller);
        String op = fx.redirect(caller.callId, OPERATOR);
        SipPeer.Message moved = caller.finalResponse("INVITE");
        assertThat(moved.status()).isEqualTo(302);
        assertThat(moved.header("contact")).isEqualTo("<" + OPERATOR + ">");
        caller.ackError("sales");
        assertThat(fx.events.next(caller.callId)).isEqualTo("transfer " + op + " succeeded");
        fx.sync(caller);
        assertThat(fx.events.isEmpty()).as("nothing more about the call: the core ends it (R29)").isTrue();
        assertThat(fx.provider.hasCall(caller.callId)).isFalse();
    }

    @Test
    void redirectOfAnAnsweredCallFailsAndTheCallGoesOn_R29() throws Exception {
        fx.start(Map.of());
        SipPeer caller = fx.caller();
        connect(caller);
        String op = fx.redirect(caller.callId, OPERATOR);
        assertThat(fx.events.next(caller.callId)).isEqualTo("transfer " + op + " failed the call is already answered");
        caller.send("INFO", "sales", "application/dtmf", "4");
        assertThat(caller.finalResponse("INFO").status()).isEqualTo(200);
        assertThat(fx.events.next(caller.callId)).isEqualTo("digit 4");
    }

    @Test
    void redirectOfACallThatIsGoneFails_R29() throws Exception {
        fx.start(Map.of());
        SipPeer caller = fx.caller();
        ring(caller);
        caller.send("CANCEL", "sales", null, null);
        assertThat(caller.finalResponse("INVITE").status()).isEqualTo(487);
        assertThat(fx.events.next(caller.callId)).isEqualTo("hangup");
        assertThatThrownBy(() -> fx.redirect(caller.callId, OPERATOR))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("has ended");
        assertThatThrownBy(() -> fx.redirect(caller.callId, "1000"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sipOutboundProxy");
    }

    @Test
    void blindTransferSucceedsOnSipfrag200ThenHangsUp_R29() throws Exception {
        fx.start(Map.of());
        SipPeer caller = fx.caller();
        connect(caller);
        String op = fx.blindTransfer(caller.callId, OPERATOR);
        SipPeer.Message refer = refer(caller);
        assertThat(refer.header("refer-to")).isEqualTo("<" + OPERATOR + ">");
        assertThat(refer.header("call-id")).isEqualTo(caller.callId);
        reply(caller, refer, 202, "Accepted");
        assertThat(notify(caller, "refer", "active;expires=60", SIPFRAG, "SIP/2.0 100 Trying\r\n")).isEqualTo(200);
        assertThat(notify(caller, "refer", "active;expires=60", SIPFRAG, "SIP/2.0 180 Ringing\r\n")).isEqualTo(200);
        assertThat(notify(caller, "refer", "terminated;reason=noresource", SIPFRAG, "SIP/2.0 200 OK\r\n")).isEqualTo(200);
        SipPeer.Message bye = caller.expect(m -> !m.isResponse() && m.method().equals("BYE"), "BYE after the transfer");
        caller.ok(bye);
        assertThat(fx.events.next(caller.callId)).isEqualTo("transfer " + op + " succeeded");
        fx.sync(caller);
        assertThat(fx.events.isEmpty()).as("nothing more about the call: the core ends it (R29)").isTrue();
    }

    @Test
    void aRecordingIsReportedCancelledWithItsFileBeforeTheTransfersSuccess_R29() throws Exception {
        fx.start(Map.of());
        SipPeer caller = fx.caller();
        connect(caller);
        java.nio.file.Path file = java.nio.file.Files.createTempFile("transfer-", ".wav");
        fx.provider.record(caller.callId, "rec-1", dev.switchboard.api.media.RecordRequest.to(file));
        String op = fx.blindTransfer(caller.callId, OPERATOR);
        reply(caller, refer(caller), 202, "Accepted");
        assertThat(notify(caller, "refer", "terminated", SIPFRAG, "SIP/2.0 200 OK\r\n")).isEqualTo(200);
        caller.ok(caller.expect(m -> !m.isResponse() && m.method().equals("BYE"), "BYE after the transfer"));
        List<String> reports = fx.events.take(2, caller.callId);
        assertThat(reports.get(0)).matches("finished rec-1 CANCELLED \\d+ms");
        assertThat(reports.get(1)).isEqualTo("transfer " + op + " succeeded");
        assertThat(java.nio.file.Files.size(file)).as("a complete WAV, header at least").isGreaterThanOrEqualTo(44);
        java.nio.file.Files.delete(file);
    }

    @Test
    void blindTransferFailsOnSipfrag486AndTheCallStaysAsItWas_R29() throws Exception {
        fx.start(Map.of());
        SipPeer caller = fx.caller();
        connect(caller);
        String op = fx.blindTransfer(caller.callId, OPERATOR);
        reply(caller, refer(caller), 202, "Accepted");
        assertThat(notify(caller, "refer", "active", SIPFRAG, "SIP/2.0 100 Trying\r\n")).isEqualTo(200);
        assertThat(notify(caller, "refer", "terminated;reason=noresource", SIPFRAG, "SIP/2.0 486 Busy Here\r\n"))
                .isEqualTo(200);
        assertThat(fx.events.next(caller.callId)).isEqualTo("transfer " + op + " failed 486 Busy Here");
        // still connected, still ours: digits come, a second transfer may go, the caller's BYE ends it
        assertThat(inDialog(caller, "INFO", "application/dtmf", "7").status()).isEqualTo(200);
        assertThat(fx.events.next(caller.callId)).isEqualTo("digit 7");
        assertThat(caller.hasUnread(m -> !m.isResponse() && m.method().equals("BYE"))).isFalse();
        String second = fx.blindTransfer(caller.callId, OPERATOR);
        reply(caller, refer(caller), 603, "Decline");
        assertThat(fx.events.next(caller.callId)).isEqualTo("transfer " + second + " failed REFER answered 603 Decline");
        assertThat(inDialog(caller, "BYE", null, null).status()).isEqualTo(200);
        assertThat(fx.events.next(caller.callId)).isEqualTo("hangup");
    }

    @Test
    void aReferTheOtherSideRefusesIsFailed_R29() throws Exception {
        fx.start(Map.of());
        SipPeer caller = fx.caller();
        connect(caller);
        String first = fx.blindTransfer(caller.callId, OPERATOR);
        reply(caller, refer(caller), 405, "Method Not Allowed");
        assertThat(fx.events.next(caller.callId)).isEqualTo("transfer " + first + " failed REFER answered 405 Method Not Allowed");
        String second = fx.blindTransfer(caller.callId, OPERATOR);
        reply(caller, refer(caller), 501, "Not Implemented");
        assertThat(fx.events.next(caller.callId)).isEqualTo("transfer " + second + " failed REFER answered 501 Not Implemented");
    }

    @Test
    void noFinalNotifyWithinTheTimeoutIsFailed_R29() throws Exception {
        fx.start(Map.of(SipSettings.TRANSFER_TIMEOUT, "300"));
        SipPeer caller = fx.caller();
        connect(caller);
        String op = fx.blindTransfer(caller.callId, OPERATOR);
        reply(caller, refer(caller), 202, "Accepted");
        assertThat(notify(caller, "refer", "active", SIPFRAG, "SIP/2.0 100 Trying\r\n")).isEqualTo(200);
        assertThat(fx.events.next(caller.callId)).isEqualTo("transfer " + op + " failed no final NOTIFY within"
                + " sipTransferTimeoutMillis 300 ms");
        assertThat(notify(caller, "refer", "terminated", SIPFRAG, "SIP/2.0 200 OK\r\n"))
                .as("a NOTIFY after the transfer gave up belongs to no subscription").isEqualTo(481);
        assertThat(inDialog(caller, "BYE", null, null).status()).isEqualTo(200);
        assertThat(fx.events.next(caller.callId)).isEqualTo("hangup");
    }

    @Test
    void aHangUpWhileTheTransferWaitsGivesFailedThenTheEnd_R29() throws Exception {
        fx.start(Map.of());
        SipPeer caller = fx.caller();
        connect(caller);
        String op = fx.blindTransfer(caller.callId, OPERATOR);
        reply(caller, refer(caller), 202, "Accepted");
        caller.send("BYE", "sales", null, null);
        assertThat(caller.finalResponse("BYE").status()).isEqualTo(200);
        assertThat(fx.events.take(2, caller.callId)).containsExactly(
                "transfer " + op + " failed the call ended before the transfer's outcome was known", "hangup");
    }

    @Test
    void badNotifiesAreRefusedAndChangeNothing_R29() throws Exception {
        fx.start(Map.of());
        SipPeer caller = fx.caller();
        connect(caller);
        assertThat(notify(caller, "refer", "active", SIPFRAG, "SIP/2.0 200 OK\r\n"))
                .as("no transfer waits").isEqualTo(481);
        String op = fx.blindTransfer(caller.callId, OPERATOR);
        reply(caller, refer(caller), 202, "Accepted");
        assertThat(notify(caller, "presence", "active", SIPFRAG, "SIP/2.0 200 OK\r\n")).isEqualTo(489);
        assertThat(notify(caller, "refer", "active", "text/plain", "SIP/2.0 200 OK\r\n")).isEqualTo(400);
        assertThat(notify(caller, "refer", "active", SIPFRAG, "hello\r\n")).isEqualTo(400);
        assertThat(notify(caller, "refer", "terminated", SIPFRAG, "SIP/2.0 404 Not Found\r\n")).isEqualTo(200);
        assertThat(fx.events.next(caller.callId)).isEqualTo("transfer " + op + " failed 404 Not Found");
    }

    @Test
    void aTransferBeforeAnswerFailsAndTheCallStillRings_R29() throws Exception {
        fx.start(Map.of());
        SipPeer caller = fx.caller();
        ring(caller);
        String op = fx.blindTransfer(caller.callId, OPERATOR);
        assertThat(fx.events.next(caller.callId)).isEqualTo("transfer " + op + " failed the call is not connected");
        fx.provider.answer(caller.callId);
        assertThat(caller.finalResponse("INVITE").status()).isEqualTo(200);
        assertThat(fx.events.next(caller.callId)).isEqualTo("state CONNECTED");
    }
}

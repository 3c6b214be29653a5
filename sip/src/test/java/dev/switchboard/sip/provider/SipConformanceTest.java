package dev.switchboard.sip.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The answers RFC 3261 asks of a user agent server where real peers found the provider wanting:
 * unsupported extensions, To tags, versions, duplicate headers, CSeq range, ordering within a
 * dialog, re-INVITE collisions, message size, content codings, unimplemented methods and UDP
 * framing. Each test names the section it follows.
 */
class SipConformanceTest {
    private static final String SDP = ProviderHarness.SDP;
    private static final String OFFER = SipLineProviderTest.AUDIO_OFFER;
    private ProviderHarness h;

    private ProviderHarness start(Map<String, String> extra) throws Exception {
        h = new ProviderHarness(extra);
        return h;
    }

    @AfterEach
    void stop() {
        if (h != null) {
            h.close();
        }
    }

    /** {@code text} with {@code headers} (CRLF-separated lines) added before Max-Forwards. */
    private static String with(String text, String headers) {
        return text.replace("Max-Forwards: 70\r\n", headers + "\r\nMax-Forwards: 70\r\n");
    }

    /** Every value of header {@code name} in the message, comma lists split. */
    private static List<String> values(SipPeer.Message m, String name) {
        List<String> out = new ArrayList<>();
        Matcher matcher = Pattern.compile("(?im)^" + name + "\\s*:\\s*(.*)$").matcher(m.raw().split("\r\n\r\n")[0]);
        while (matcher.find()) {
            for (String v : matcher.group(1).split(",")) {
                out.add(v.trim());
            }
        }
        return out;
    }

    private void assertNoCallWasReported(SipPeer peer) throws Exception {
        h.sync(peer);
        assertThat(h.events.isEmpty()).as("a call was reported to the core").isTrue();
    }

    // ---- 8.2.2.3: Require ----

    @Test
    void anInviteRequiringUnsupportedExtensionsGets420ListingThemAndNoCall_8_2_2_3() throws Exception {
        start(Map.of());
        SipPeer caller = h.peer();
        caller.sendRaw(with(caller.next("INVITE", "sales", SDP, OFFER), "Require: 100rel, timer\r\nRequire: x-unknown"));
        SipPeer.Message r = caller.finalResponse("INVITE");
        assertThat(r.status()).isEqualTo(420);
        // timer (RFC 4028) is supported, so only the other two are listed
        assertThat(values(r, "Unsupported")).containsExactly("100rel", "x-unknown");
        caller.ackError("sales");
        assertNoCallWasReported(caller);
    }

    @Test
    void anInDialogRequestRequiringAnUnsupportedExtensionGets420() throws Exception {
        start(Map.of());
        SipPeer caller = h.peer();
        h.connect(caller, "sales");
        caller.sendRaw(with(caller.next("INFO", "sales", "application/dtmf", "5"), "Require: 100rel"));
        SipPeer.Message r = caller.finalResponse("INFO");
        assertThat(r.status()).isEqualTo(420);
        assertThat(values(r, "Unsupported")).containsExactly("100rel");
    }

    // ---- 8.2.6.2: To tags ----

    @Test
    void everyResponseButTryingCarriesAToTag_8_2_6_2() throws Exception {
        start(Map.of());
        SipPeer peer = h.peer();
        for (String method : List.of("OPTIONS", "MESSAGE", "INFO", "BYE", "UPDATE", "PRACK")) {
            peer.send(method, "sales", null, null);
            SipPeer.Message r = peer.finalResponse(method);
            assertThat(r.header("to")).as(method + " answered " + r.firstLine()).containsPattern(";tag=\\w+");
        }
    }

    // ---- 8.2.1 and 21.4.6: methods not implemented ----

    @Test
    void methodsNotImplementedGet405WithAllowEvenPublishWithoutEvent_8_2_1() throws Exception {
        start(Map.of());
        SipPeer peer = h.peer();
        for (String method : List.of("PUBLISH", "SUBSCRIBE", "MESSAGE", "REGISTER", "REFER")) {
            peer.send(method, "sales", null, null);
            SipPeer.Message r = peer.finalResponse(method);
            assertThat(r.status()).as(method).isEqualTo(405);
            assertThat(values(r, "Allow")).as(method).containsExactly("INVITE", "ACK", "BYE", "CANCEL", "INFO", "OPTIONS",
                    "NOTIFY", "UPDATE");
        }
    }

    // ---- 21.5.7: version ----

    @Test
    void aRequestOfSipVersion7Gets505AndNoCall() throws Exception {
        start(Map.of());
        SipPeer caller = h.peer();
        caller.sendRaw(caller.next("INVITE", "sales", SDP, OFFER).replaceFirst(" SIP/2.0\r\n", " SIP/7.0\r\n"));
        SipPeer.Message r = caller.finalResponse("INVITE");
        assertThat(r.status()).isEqualTo(505);
        assertThat(r.firstLine()).doesNotContain("7.0");
        caller.ackError("sales");
        assertNoCallWasReported(caller);
    }

    // ---- 7.3.1 / 20: single-valued headers ----

    @Test
    void aSecondCallIdToFromCSeqOrMaxForwardsGets400AndNoCall() throws Exception {
        start(Map.of());
        for (String extra : List.of("Call-ID: other@test", "i: other@test", "To: <sip:fax-in@127.0.0.1>",
                "From: <sip:mallory@127.0.0.1>;tag=x", "CSeq: 7 INVITE", "Max-Forwards: 5")) {
            SipPeer caller = h.peer();
            caller.sendRaw(with(caller.next("INVITE", "sales", SDP, OFFER), extra));
            SipPeer.Message r = caller.finalResponse("INVITE");
            assertThat(r.status()).as(extra).isEqualTo(400);
            caller.ackError("sales");
            assertNoCallWasReported(caller);
        }
    }

    // ---- 8.1.1.5: CSeq below 2^31 ----

    @Test
    void anInviteWithCSeq2To31Gets400SoThatNoCallIsLeftThatCannotEnd_8_1_1_5() throws Exception {
        start(Map.of());
        SipPeer caller = h.peer();
        caller.sendRaw(caller.request("INVITE", "sales", 1, SDP, OFFER).replace("CSeq: 1 INVITE", "CSeq: 2147483648 INVITE"));
        SipPeer.Message r = caller.finalResponse("INVITE");
        assertThat(r.status()).isEqualTo(400);
        assertNoCallWasReported(caller);
    }

    @Test
    void aCallBegunAtTheLastValidCSeqCanStillBeHungUp() throws Exception {
        start(Map.of());
        SipPeer caller = h.peer();
        caller.sendRaw(caller.request("INVITE", "sales", 1, SDP, OFFER).replace("CSeq: 1 INVITE", "CSeq: 2147483647 INVITE"));
        caller.response(180, "INVITE");
        assertThat(h.events.next(caller.callId)).isEqualTo("newCall sales 0x4");
        h.provider.answer(caller.callId);
        assertThat(caller.finalResponse("INVITE").status()).isEqualTo(200);
        assertThat(h.events.next(caller.callId)).isEqualTo("state CONNECTED");
        caller.sendRaw(caller.request("ACK", "sales", 1, null, null).replace("CSeq: 1 ACK", "CSeq: 2147483647 ACK"));
        caller.sendRaw(caller.request("BYE", "sales", 2, null, null).replace("CSeq: 2 BYE", "CSeq: 2147483648 BYE"));
        assertThat(caller.finalResponse("BYE").status()).isEqualTo(200);
        assertThat(h.events.next(caller.callId)).isEqualTo("hangup");
    }

    // ---- 12.2.2: in-order requests stay in order ----

    @Test
    void aBurstOfInOrderInfosIsAnsweredAll200AndReportedInOrder_12_2_2() throws Exception {
        start(Map.of());
        SipPeer caller = h.peer();
        h.connect(caller, "sales");
        String digits = "0123456789*#".repeat(5);
        for (char d : digits.toCharArray()) {
            caller.send("INFO", "sales", "application/dtmf", String.valueOf(d)); // no waiting in between
        }
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < digits.length(); i++) {
            statuses.add(caller.finalResponse("INFO").status());
        }
        assertThat(statuses).as("no '500 Request out of order' for requests sent in order").containsOnly(200);
        StringBuilder reported = new StringBuilder();
        for (String e : h.events.take(digits.length(), caller.callId)) {
            reported.append(e.substring("digit ".length()));
        }
        assertThat(reported.toString()).isEqualTo(digits);
    }

    // ---- 14.2: a re-INVITE while another is pending ----

    @Test
    void aReinviteWhileAT38ReinviteAwaitsItsOwnerGets500WithRetryAfter_14_2() throws Exception {
        start(Map.of(SipSettings.REINVITE_TIMEOUT, "60000"));
        SipPeer caller = h.peer();
        h.connect(caller, "sales");
        caller.send("INVITE", "sales", SDP, SipLineProviderTest.T38_OFFER);
        caller.response(100, "INVITE");
        assertThat(h.events.next(caller.callId)).isEqualTo("media G3FAX");
        caller.send("INVITE", "sales", SDP, OFFER); // back to back: the stack's dialog layer sees it first
        assertPendingAnswer(caller.finalResponse("INVITE"));
    }

    @Test
    void aReinviteWhileAT38ReinviteAwaitsItsOwnerGets500EvenWithAnInfoInBetween_14_2() throws Exception {
        start(Map.of(SipSettings.REINVITE_TIMEOUT, "60000"));
        SipPeer caller = h.peer();
        h.connect(caller, "sales");
        caller.send("INVITE", "sales", SDP, SipLineProviderTest.T38_OFFER);
        caller.response(100, "INVITE");
        assertThat(h.events.next(caller.callId)).isEqualTo("media G3FAX");
        caller.send("INFO", "sales", "application/dtmf", "5");
        assertThat(caller.finalResponse("INFO").status()).isEqualTo(200);
        caller.send("INVITE", "sales", SDP, OFFER); // now the call itself sees it
        assertPendingAnswer(caller.finalResponse("INVITE"));
    }

    @Test
    void aReinviteBeforeTheCallIsAnsweredGets500WithRetryAfter_14_2() throws Exception {
        start(Map.of());
        SipPeer caller = h.peer();
        caller.send("INVITE", "sales", SDP, OFFER);
        caller.response(180, "INVITE");
        caller.send("INVITE", "sales", SDP, OFFER); // tagged: a re-INVITE on the early dialog
        assertPendingAnswer(caller.expect(m -> m.isResponse() && m.status() >= 200 && m.header("cseq").startsWith("2 "),
                "the answer to the second INVITE"));
    }

    private static void assertPendingAnswer(SipPeer.Message r) {
        assertThat(r.status()).as("RFC 3261 14.2: 500, not 491 (491 is for glare)").isEqualTo(500);
        assertThat(Integer.parseInt(r.header("retry-after").split("[\\s;(]")[0])).isBetween(0, 10);
    }

    // ---- 21.5.14: sipMaxMessageSize ----

    @Test
    void invitesOverSipMaxMessageSizeGet513AndNoCallOverUdpToo() throws Exception {
        start(Map.of()); // default sipMaxMessageSize 8192
        for (int size : new int[] {20_000, 60_000}) {
            SipPeer caller = h.peer();
            caller.sendRaw(caller.next("INVITE", "sales", SDP, padded(OFFER, size)));
            SipPeer.Message r = caller.finalResponse("INVITE");
            assertThat(r.status()).as("an INVITE of " + size + " bytes").isEqualTo(513);
            caller.ackError("sales");
            assertNoCallWasReported(caller);
        }
        SipPeer bigHeader = h.peer();
        bigHeader.sendRaw(with(bigHeader.next("INVITE", "sales", SDP, OFFER), "Subject: " + "x".repeat(20_000)));
        assertThat(bigHeader.finalResponse("INVITE").status()).as("a 20 KB header").isEqualTo(513);
        assertNoCallWasReported(bigHeader);
    }

    @Test
    void anInviteOfExactlySipMaxMessageSizeIsACall() throws Exception {
        start(Map.of(SipSettings.MAX_MESSAGE_SIZE, "4000"));
        SipPeer caller = h.peer();
        String text = caller.next("INVITE", "sales", SDP, padded(OFFER, 2000));
        String exact = caller.request("INVITE", "sales", 1, SDP, padded(OFFER, 2000 + 4000 - text.length()));
        assertThat(exact.getBytes(StandardCharsets.UTF_8)).hasSize(4000);
        caller.sendRaw(exact);
        caller.response(180, "INVITE");
        assertThat(h.events.next(caller.callId)).isEqualTo("newCall sales 0x4");
    }

    /** {@code sdp} with attribute lines added until the body is about {@code size} bytes. */
    private static String padded(String sdp, int size) {
        StringBuilder sb = new StringBuilder(sdp);
        while (sb.length() < size - 20) {
            sb.append("a=x-pad:").append("p".repeat(Math.min(60, size - sb.length() - 12))).append("\r\n");
        }
        return sb.toString();
    }

    // ---- 8.2.3: content codings ----

    @Test
    void aContentEncodingOtherThanIdentityGets415WithAcceptEncoding_8_2_3() throws Exception {
        start(Map.of());
        SipPeer caller = h.peer();
        caller.sendRaw(with(caller.next("INVITE", "sales", SDP, OFFER), "Content-Encoding: gzip"));
        SipPeer.Message r = caller.finalResponse("INVITE");
        assertThat(r.status()).isEqualTo(415);
        assertThat(values(r, "Accept-Encoding")).containsExactly("identity");
        caller.ackError("sales");
        assertNoCallWasReported(caller);
    }

    // ---- 18.3: framing of a datagram ----

    @Test
    void octetsBeyondContentLengthAreDiscarded_18_3() throws Exception {
        start(Map.of());
        SipPeer caller = h.peer();
        h.connect(caller, "sales");
        String info = caller.next("INFO", "sales", "application/dtmf-relay", "Signal=5\r\n");
        caller.sendRaw(info + "Signal=9\r\nDuration=160\r\n"); // past Content-Length: not part of the message
        assertThat(caller.finalResponse("INFO").status()).isEqualTo(200);
        assertThat(h.events.next(caller.callId)).isEqualTo("digit 5");
    }

    @Test
    void aContentLengthBeyondTheEndOfTheDatagramGets400_18_3() throws Exception {
        start(Map.of());
        SipPeer caller = h.peer();
        String invite = caller.next("INVITE", "sales", SDP, OFFER);
        caller.sendRaw(invite.replaceFirst("Content-Length: \\d+", "Content-Length: 9999"));
        SipPeer.Message r = caller.finalResponse("INVITE");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.firstLine()).isEqualTo("SIP/2.0 400 Bad Request (body shorter than Content-Length)");
        assertNoCallWasReported(caller);
    }

    @Test
    void anRfc2543InviteWithAContactIsACallWhoseBodyRunsToTheEndOfTheDatagram() throws Exception {
        start(Map.of());
        SipPeer caller = h.peer();
        String invite = caller.next("INVITE", "sales", SDP, OFFER)
                .replaceFirst(";branch=[^\\r]+", "")     // no branch: RFC 2543 transaction matching
                .replace("Max-Forwards: 70\r\n", "")     // no Max-Forwards
                .replaceFirst("Content-Length: \\d+\r\n", ""); // no Content-Length: to the end of the datagram
        caller.sendRaw(invite);
        caller.response(180, "INVITE");
        assertThat(h.events.next(caller.callId)).as("the SDP offer was read").isEqualTo("newCall sales 0x4");
    }

    // ---- reason phrases ----

    @Test
    void anUnparsableRequestGets400WithAFixedReasonPhrase() throws Exception {
        start(Map.of());
        SipPeer caller = h.peer();
        caller.sendRaw(caller.next("INVITE", "sales", SDP, OFFER).replaceFirst("INVITE sip:([^ ]+) ", "INVITE <sip:$1> "));
        SipPeer.Message r = caller.finalResponse("INVITE");
        assertThat(r.firstLine()).isEqualTo("SIP/2.0 400 Bad Request (malformed message)");
        assertNoCallWasReported(caller);
    }
}

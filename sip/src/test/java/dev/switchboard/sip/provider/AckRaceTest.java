package dev.switchboard.sip.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A caller that ACKs a 200 at once (SIPp, a phone on the LAN) gets the 200 once. jain-sip arms a
 * 2xx's retransmission timer only after the 2xx has left, and a dialog whose timer is not armed
 * yet ignores the ACK, so the 2xx went out again 500 ms later: one call in six under the load
 * harness, where the sending thread often lost its core right after the send. Here that gap is
 * made wide on purpose: the stack's message trace, which runs on the sending thread between the
 * send and the arming, holds that thread until the caller's ACK has come in and been dealt with.
 */
class AckRaceTest {
    private static final Logger MESSAGES = Logger.getLogger("dev.switchboard.sip.messages");
    private static final Logger STACK = Logger.getLogger("dev.switchboard.sip.stack");

    private final ProviderFixture fx = new ProviderFixture();
    private final Level messagesLevel = MESSAGES.getLevel();
    private final Level stackLevel = STACK.getLevel();
    private Handler gapWidener;

    @AfterEach
    void stop() throws Exception {
        MESSAGES.removeHandler(gapWidener);
        MESSAGES.setLevel(messagesLevel);
        STACK.setLevel(stackLevel);
        fx.close();
    }

    @Test
    void anAckThatComesBeforeTheStackArmsItsTimerStillStopsThe200() throws Exception {
        CountDownLatch ackReceived = new CountDownLatch(1);
        gapWidener = new Handler() {
            @Override
            public void publish(LogRecord r) {
                String m = r.getMessage();
                if (m.startsWith("received ") && m.contains(": ACK ")) {
                    ackReceived.countDown();
                } else if (m.startsWith("sent ") && m.contains("SIP/2.0 200 ") && m.contains("CSeq: 1 INVITE")) {
                    hold(ackReceived); // the sending thread, after the send, before the stack arms its timer
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        MESSAGES.addHandler(gapWidener);
        MESSAGES.setLevel(Level.FINEST);
        STACK.setLevel(Level.FINEST); // the stack traces messages only when its own FINEST is on
        fx.start(Map.of());
        SipPeer caller = fx.caller();
        caller.send("INVITE", "sales", "application/sdp", SipLineProviderTest.AUDIO_OFFER);
        assertThat(fx.events.next(caller.callId)).isEqualTo("newCall sales 0x4");
        fx.provider.answer(caller.callId);
        assertThat(caller.finalResponse("INVITE").status()).isEqualTo(200);
        caller.send("ACK", "sales", null, null);

        assertThat(caller.receivesWithin(1500, m -> m.isResponse() && m.status() == 200))
                .as("the 200 was sent again although its ACK had come").isFalse();
    }

    /** Holds the calling thread until {@code ack} is counted down, and then as long again as the stack needs to handle it. */
    private static void hold(CountDownLatch ack) {
        try {
            if (ack.await(2, TimeUnit.SECONDS)) {
                // the ACK is traced as it arrives, before the stack has looked at it: this is the
                // widened gap itself, not a wait for a result
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

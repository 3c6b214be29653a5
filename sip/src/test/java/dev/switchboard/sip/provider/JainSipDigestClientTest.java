package dev.switchboard.sip.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Properties;
import javax.sip.message.Response;
import org.junit.jupiter.api.Test;

/** Digest authentication against jain-sip's own digest client, which knows nothing of the verifier. */
class JainSipDigestClientTest {

    @Test
    void jainSipsDigestClientAnswersTheChallengeAndItsCallConnectsAndEnds() throws Exception {
        try (RunningProvider server = new RunningProvider(Map.of(SipSettings.AUTH_USERS, "alice:s3cret"));
             JainSipCaller caller = new JainSipCaller("udp", RunningProvider.freeUdpPort(), new Properties(), "alice",
                     "s3cret")) {
            String callId = caller.invite(server.port, "fax-in", SipLineProviderTest.AUDIO_OFFER, false);
            caller.response(401, "INVITE");
            caller.response(180, "INVITE");
            assertThat(server.events.next(callId)).isEqualTo("newCall fax-in 0x4");
            server.provider.answer(callId);
            Response ok = caller.response(200, "INVITE");
            assertThat(server.events.next(callId)).isEqualTo("state CONNECTED");
            caller.ack(ok);
            caller.bye();
            caller.response(200, "BYE");
            assertThat(server.events.next(callId)).isEqualTo("hangup");
        }
    }

    @Test
    void aWrongPasswordNeverGetsACall() throws Exception {
        try (RunningProvider server = new RunningProvider(Map.of(SipSettings.AUTH_USERS, "alice:s3cret"));
             JainSipCaller caller = new JainSipCaller("udp", RunningProvider.freeUdpPort(), new Properties(), "alice",
                     "guess")) {
            caller.invite(server.port, "fax-in", SipLineProviderTest.AUDIO_OFFER, false);
            caller.response(401, "INVITE");
            caller.response(401, "INVITE"); // the answer to its retry: challenged again
            assertThat(server.events.isEmpty()).isTrue();
        }
    }
}

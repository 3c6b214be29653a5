package dev.switchboard.sip.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gov.nist.javax.sip.message.MessageFactoryImpl;
import java.time.Duration;
import javax.sip.message.Request;
import org.junit.jupiter.api.Test;

/** RFC 4028's decisions for an INVITE this side answers, on requests as jain-sip parses them. */
class SessionTimerTest {
    private static final CallLimits OURS = new CallLimits(1800, 90, 60, 14400);

    private static Request invite(String... headers) throws Exception {
        String text = "INVITE sip:sales@127.0.0.1 SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bK-1\r\n"
                + "From: <sip:caller@127.0.0.1>;tag=1\r\nTo: <sip:sales@127.0.0.1>\r\nCall-ID: st@test\r\n"
                + "CSeq: 1 INVITE\r\nMax-Forwards: 70\r\n" + String.join("", java.util.Arrays.stream(headers)
                .map(h -> h + "\r\n").toList()) + "Content-Length: 0\r\n\r\n";
        return new MessageFactoryImpl().createRequest(text);
    }

    @Test
    void aCallerWithoutTimersGetsOursWithThisSideRefreshingAndNoRequire() throws Exception {
        SessionTimer.Agreement a = SessionTimer.answer(invite(), OURS);
        assertThat(a).isEqualTo(new SessionTimer.Agreement(1800, true, false));
        assertThat(SessionTimer.responseHeaders(a)).extracting(h -> h[0] + ": " + h[1])
                .containsExactly("Supported: timer", "Session-Expires: 1800;refresher=uas");
    }

    @Test
    void aProxysSessionExpiresWithoutSupportIsHonouredWithThisSideRefreshing() throws Exception {
        assertThat(SessionTimer.answer(invite("Session-Expires: 600"), OURS))
                .isEqualTo(new SessionTimer.Agreement(600, true, false));
    }

    @Test
    void aCallerThatSupportsTimersRefreshesUnlessItAsksUsToAndGetsRequire() throws Exception {
        SessionTimer.Agreement theirs = SessionTimer.answer(invite("Supported: timer", "Session-Expires: 3600"), OURS);
        assertThat(theirs).as("lowered to ours, the caller refreshes").isEqualTo(new SessionTimer.Agreement(1800, false, true));
        assertThat(SessionTimer.responseHeaders(theirs)).extracting(h -> h[0] + ": " + h[1])
                .contains("Session-Expires: 1800;refresher=uac", "Require: timer");
        assertThat(SessionTimer.answer(invite("Supported: 100rel, timer", "Session-Expires: 900;refresher=uas"), OURS))
                .isEqualTo(new SessionTimer.Agreement(900, true, true));
        assertThat(SessionTimer.answer(invite("Supported: timer"), OURS))
                .as("supported but none asked: ours, and the caller refreshes").isEqualTo(new SessionTimer.Agreement(1800, false, true));
    }

    @Test
    void anEmptySupportedOrAllowNamesNothingAndTheCallIsAnsweredAsWithout() throws Exception {
        Request empty = invite("Supported: ", "Allow: ");
        assertThat(SessionTimer.answer(empty, OURS)).as("as a caller without timers")
                .isEqualTo(new SessionTimer.Agreement(1800, true, false));
        assertThat(SessionTimer.allowsUpdate(empty)).isFalse();
    }

    @Test
    void withoutOurOwnIntervalOnlyTheCallersRequestStartsATimer() throws Exception {
        CallLimits none = new CallLimits(0, 90, 60, 14400);
        assertThat(SessionTimer.answer(invite("Supported: timer"), none)).isNull();
        assertThat(SessionTimer.answer(invite("Supported: timer", "Session-Expires: 300;refresher=uac"), none))
                .isEqualTo(new SessionTimer.Agreement(300, false, true));
    }

    @Test
    void tooSmallIsRefusedWith422NamingMinSe() throws Exception {
        assertThatThrownBy(() -> SessionTimer.checkInterval(invite("Session-Expires: 89"), OURS))
                .isInstanceOfSatisfying(SipRejection.class, r -> {
                    assertThat(r.status()).isEqualTo(422);
                    assertThat(r.headers()).extracting(h -> h[0] + ": " + h[1]).containsExactly("Min-SE: 90");
                });
        SessionTimer.checkInterval(invite("Session-Expires: 90"), OURS);
    }

    @Test
    void theSideThatDoesNotRefreshGivesUpAThirdOrAt32SecondsBeforeTheEnd() {
        assertThat(new SessionTimer.Agreement(1800, false, true).expiry()).isEqualTo(Duration.ofSeconds(1768));
        assertThat(new SessionTimer.Agreement(90, false, true).expiry()).isEqualTo(Duration.ofSeconds(60));
        assertThat(new SessionTimer.Agreement(90, true, true).refreshDue()).isEqualTo(Duration.ofSeconds(45));
    }

    @Test
    void limitsAreCheckedNamingTheProperty() {
        assertThatThrownBy(() -> SipSettings.from(java.util.Map.of(CallLimits.SESSION_EXPIRES, "60")))
                .hasMessageContaining(CallLimits.SESSION_EXPIRES).hasMessageContaining(CallLimits.MIN_SESSION_EXPIRES);
        assertThatThrownBy(() -> SipSettings.from(java.util.Map.of(CallLimits.RTP_TIMEOUT, "-1")))
                .hasMessageContaining(CallLimits.RTP_TIMEOUT);
    }
}

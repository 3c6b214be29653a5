package dev.switchboard.sip.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.sip.media.G711;
import dev.switchboard.sip.sdp.Direction;
import dev.switchboard.sip.sdp.SdpReader;
import dev.switchboard.sip.sdp.SessionDescription;
import java.net.InetSocketAddress;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PeerMediaTest {

    private static Optional<StreamSettings> settings(String sdp) throws Exception {
        SessionDescription s = SdpReader.parse(sdp);
        return PeerMedia.settings(s, s.media().get(0), false);
    }

    @Test
    void aSippOfferGivesPcmuEventsOn101AndItsPort() throws Exception {
        Optional<StreamSettings> s = settings("""
                v=0
                o=caller 1 1 IN IP4 127.0.0.1
                s=-
                c=IN IP4 127.0.0.1
                t=0 0
                m=audio 7000 RTP/AVP 0 8 101
                a=rtpmap:101 telephone-event/8000
                a=sendrecv
                """);

        assertThat(s).contains(new StreamSettings(G711.ULAW, 0, 101, 20,
                new InetSocketAddress("127.0.0.1", 7000), false));
    }

    @Test
    void theFirstG711InTheOfferersOrderWinsWithItsPtime() throws Exception {
        Optional<StreamSettings> s = settings("""
                v=0
                o=- 1 1 IN IP4 192.0.2.1
                s=-
                t=0 0
                m=audio 4000 RTP/AVP 9 8 0
                c=IN IP4 192.0.2.7
                a=ptime:30
                """);

        assertThat(s).hasValueSatisfying(v -> {
            assertThat(v.law()).isEqualTo(G711.ALAW);
            assertThat(v.audioPayloadType()).isEqualTo(8);
            assertThat(v.telephoneEventPayloadType()).isEqualTo(-1);
            assertThat(v.ptimeMillis()).isEqualTo(30);
            assertThat(v.remote()).isEqualTo(new InetSocketAddress("192.0.2.7", 4000));
        });
    }

    @Test
    void aPtimeTheEngineCannotKeepFallsBackTo20() throws Exception {
        assertThat(settings("v=0\no=- 1 1 IN IP4 h\ns=-\nc=IN IP4 10.0.0.1\nt=0 0\nm=audio 4000 RTP/AVP 0\na=ptime:25\n"))
                .hasValueSatisfying(v -> assertThat(v.ptimeMillis()).isEqualTo(20));
    }

    @Test
    void oldStyleHoldHasNoRemoteAndNoG711NoStream() throws Exception {
        assertThat(settings("v=0\no=- 1 1 IN IP4 h\ns=-\nc=IN IP4 0.0.0.0\nt=0 0\nm=audio 4000 RTP/AVP 0\n"))
                .hasValueSatisfying(v -> assertThat(v.remote()).isNull());
        assertThat(settings("v=0\no=- 1 1 IN IP4 h\ns=-\nc=IN IP4 10.0.0.1\nt=0 0\nm=audio 4000 RTP/AVP 9\n"))
                .isEmpty();
        assertThat(settings("v=0\no=- 1 1 IN IP4 h\ns=-\nc=IN IP4 10.0.0.1\nt=0 0\nm=audio 0 RTP/AVP 0\n"))
                .isEmpty();
    }

    @Test
    void wePauseWhileThePeerHolds() {
        assertThat(PeerMedia.sendsTo(Direction.SENDRECV)).isTrue();
        assertThat(PeerMedia.sendsTo(Direction.RECVONLY)).isTrue();
        assertThat(PeerMedia.sendsTo(Direction.SENDONLY)).isFalse();
        assertThat(PeerMedia.sendsTo(Direction.INACTIVE)).isFalse();
    }
}

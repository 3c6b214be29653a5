package dev.switchboard.sip.sdp;

/** SDP offers as the SIPp scenarios of arquillian/src/test/resources/sipp send them, with SIPp's fields filled in. */
final class Offers {

    /** The first INVITE of uac_voice_to_fax.xml and uac_dtmf.xml (LF line ends, as SIPp sends). */
    static final String AUDIO = """
            v=0
            o=caller 53655765 2353687637 IN IP4 127.0.0.1
            s=-
            c=IN IP4 127.0.0.1
            t=0 0
            m=audio 7000 RTP/AVP 0 8 101
            a=rtpmap:0 PCMU/8000
            a=rtpmap:8 PCMA/8000
            a=rtpmap:101 telephone-event/8000
            a=fmtp:101 0-16
            a=sendrecv
            """;

    /** The re-INVITE of uac_voice_to_fax.xml. */
    static final String T38 = """
            v=0
            o=caller 53655765 2353687638 IN IP4 127.0.0.1
            s=-
            c=IN IP4 127.0.0.1
            t=0 0
            m=image 7002 udptl t38
            a=T38FaxVersion:0
            a=T38MaxBitRate:14400
            a=T38FaxRateManagement:transferredTCF
            a=T38FaxMaxBuffer:262
            a=T38FaxMaxDatagram:176
            a=T38FaxUdpEC:t38UDPRedundancy
            """;

    /** A video phone's offer, CRLF line ends, media-level connection, no session-level one. */
    static final String VIDEO = "v=0\r\n"
            + "o=- 1 1 IN IP6 2001:db8::1\r\n"
            + "s=video call\r\n"
            + "t=0 0\r\n"
            + "m=video 9000 RTP/AVP 96\r\n"
            + "c=IN IP6 2001:db8::2\r\n"
            + "a=rtpmap:96 H264/90000\r\n"
            + "a=fmtp:96 profile-level-id=42e01f;packetization-mode=1\r\n"
            + "a=recvonly\r\n";

    /** Audio, video and a T.38 fallback in one offer, as some gateways send. */
    static final String SEVERAL = """
            v=0
            o=gw 7 7 IN IP4 192.0.2.10
            s=-
            c=IN IP4 192.0.2.10
            t=0 0
            a=sendonly
            m=audio 4000 RTP/AVP 18 8 0 96
            a=rtpmap:96 telephone-event/8000
            m=video 4002 RTP/AVP 97
            a=rtpmap:97 VP8/90000
            m=image 4004 udptl t38
            a=T38FaxVersion:2
            a=T38MaxBitRate:33600
            a=T38FaxUdpEC:t38UDPFEC
            a=T38FaxFillBitRemoval
            """;

    private Offers() {
    }
}

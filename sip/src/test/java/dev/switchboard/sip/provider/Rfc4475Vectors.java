package dev.switchboard.sip.provider;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The test messages of RFC 4475 ("SIP Torture Test Messages"), each with the answer this user
 * agent server gives it. The messages are the RFC's, with three adaptations so that they reach
 * one server over UDP loopback and its answer comes back to the test: the topmost Via names the
 * test's socket ({@code $PEER}) with transport UDP (the RFC uses example hosts, some over TCP or
 * TLS); its branch gets the message's name appended, because the RFC reuses branch values across
 * its messages (z9hG4bKkdjuw a dozen times) and jain-sip keys transactions by branch alone (not for
 * badbranch, whose bare magic cookie is the point); and the multipart body of 3.1.1.11, which the
 * RFC gives as bytes of a signature, has other binary bytes of its own length. Line ends are CRLF,
 * as in the RFC.
 *
 * <p>{@link #NO_ANSWER} marks messages that get no answer: responses that match no transaction
 * (a UAS drops them), and a request without Call-ID, From and To, which no response could name.
 */
final class Rfc4475Vectors {
    /** The message is dropped: nothing is sent back. */
    static final int NO_ANSWER = 0;

    /**
     * One test message.
     *
     * @param section  the RFC's section
     * @param name     the RFC's name for it (its file name in the RFC's archive)
     * @param text     the message, with {@code $PEER} for the test socket's address
     * @param expected the status this server answers, or {@link #NO_ANSWER}
     * @param why      why that answer (the RFC's guidance, and the choice where it allows two)
     */
    record Vector(String section, String name, String text, int expected, String why) {
        /** The datagram to send: CRLF line ends, {@code $PEER} filled in, the top branch made unique, UTF-8. */
        byte[] datagram(String peer) {
            String t = name.equals("badbranch") ? text
                    : text.replaceFirst("(\\$PEER;[^\n]*?branch=[^;,\\s]+)", "$1-" + name);
            return t.replace("\n", "\r\n").replace("$PEER", peer).getBytes(StandardCharsets.UTF_8);
        }

        /** The Call-ID the message carries (long or compact form), or null. */
        String callId() {
            for (String line : text.split("\n")) {
                String l = line.toLowerCase(java.util.Locale.ROOT);
                if (l.startsWith("call-id:") || l.startsWith("i:")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
                if (line.isEmpty()) {
                    break;
                }
            }
            return null;
        }

        boolean isResponse() {
            return text.startsWith("SIP/");
        }

        @Override
        public String toString() {
            return section + " " + name + " -> " + (expected == NO_ANSWER ? "no answer" : expected);
        }
    }

    private Rfc4475Vectors() {
    }

    private static final String SDP_150 = """
            v=0
            o=mhandley 29739 7272939 IN IP4 192.0.2.1
            s=-
            c=IN IP4 192.0.2.1
            t=0 0
            m=audio 49217 RTP/AVP 0 12
            m=video 3227 RTP/AVP 31
            a=rtpmap:31 LPC
            """;

    static List<Vector> all() {
        return List.of(
                // ---- 3.1.1 valid messages ----
                new Vector("3.1.1.1", "wsinv", """
                        INVITE sip:vivekg@chair-dnrc.example.com;unknownparam SIP/2.0
                        TO :
                         sip:vivekg@chair-dnrc.example.com ;   tag    = 1918181833n
                        from   : "J Rosenberg \\\\\\""       <sip:jdrosen@example.com>
                          ;
                          tag = 98asjd8
                        MaX-fOrWaRdS: 0068
                        Call-ID: wsinv.ndaksdj@192.0.2.1
                        Content-Length   : 150
                        cseq: 0009
                          INVITE
                        Via  : SIP  /   2.0
                         /UDP
                            $PEER;branch=390skdjuw
                        s :
                        NewFangledHeader:   newfangled value
                         continued newfangled value
                        UnknownHeaderWithUnusualValue: ;;,,;;,;
                        Content-Type: application/sdp
                        Route:
                         <sip:services.example.com;lr;unknownwith=value;unknown-no-value>
                        v:  SIP  / 2.0  / TCP     spindle.example.com   ;
                          branch  =   z9hG4bK9ikj8  ,
                         SIP  /    2.0   / UDP  192.168.255.111   ; branch=
                         z9hG4bK30239
                        m:"Quoted string \\"\\"" <sip:jdrosen@example.com> ; newparam =
                              newvalue ;
                          secondparam ; q = 0.33

                        v=0
                        o=mhandley 29739 7272939 IN IP4 192.0.2.3
                        s=-
                        c=IN IP4 192.0.2.4
                        t=0 0
                        m=audio 49217 RTP/AVP 0 12
                        m=video 3227 RTP/AVP 31
                        a=rtpmap:31 LPC
                        """, 481, "valid, if tortuous; but its To tag names a dialog this server does not have, and a"
                        + " UAS answers such a request 481 (RFC 3261 12.2.2)"),
                new Vector("3.1.1.2", "intmeth",
                        "!interesting-Method0123456789_*+`.%indeed'~ sip:1_unusual.URI~(to-be!sure)&isn't+it$/crazy?,/;;*"
                                + ":&it+has=1,weird!*pas$wo~d_too.(doesn't-it)@example.com SIP/2.0\n"
                                + "Via: SIP/2.0/UDP $PEER;branch=z9hG4bK-.!%66*_+`'~\n"
                                + "To: \"BEL:\\\u0007 NUL:\\\u0000 DEL:\\\u007F\" <sip:1_unusual.URI~(to-be!sure)&isn't+it$/crazy?,/;;*"
                                + "@example.com>\n"
                                + "From: token1~` token2'+_ token3*%!.- <sip:mundane@example.com>;fromParam''~+*_!.-%="
                                + "\"\u0440\u0430\u0431\u043e\u0442\u0430\u044e\u0449\u0438\u0439\";tag=_token~1'+`*%!-.\n"
                                + "Call-ID: intmeth.word%ZK-!.*_+'@word`~)(><:\\/\"][?}{\n"
                                + "CSeq: 139122385 !interesting-Method0123456789_*+`.%indeed'~\n"
                                + "Max-Forwards: 255\n"
                                + "extensionHeader-!.%*+_`'~:\uFEFF\u5927\u505C\u96FB\n"
                                + "Content-Length: 0\n\n",
                        405, "a valid request of a method this server does not implement: 405 with Allow"),
                new Vector("3.1.1.3", "esc01", """
                        INVITE sip:sips%3Auser%40example.com@example.net SIP/2.0
                        To: sip:%75se%72@example.com
                        From: <sip:I%20have%20spaces@example.net>;tag=938
                        Max-Forwards: 87
                        i: esc01.239409asdfakjkn23onasd0-3234
                        CSeq: 234234 INVITE
                        Via: SIP/2.0/UDP $PEER;branch=z9hG4bKkdjuw
                        C: application/sdp
                        Contact:
                          <sip:cal%6Cer@host5.example.net;%6C%72;n%61me=v%61lue%25%34%31>
                        Content-Length: 150

                        """ + SDP_150, 180, "valid %-escapes: a call (the user names no line, so the default line)"),
                new Vector("3.1.1.4", "escnull", """
                        REGISTER sip:example.com SIP/2.0
                        To: sip:null-%00-null@example.com
                        From: sip:null-%00-null@example.com;tag=839923423
                        Max-Forwards: 70
                        Call-ID: escnull.39203ndfvkjdasfkq3w4otrq0adsfdfnavd
                        CSeq: 14398234 REGISTER
                        Via: SIP/2.0/UDP $PEER;branch=z9hG4bKkdjuw
                        Contact: <sip:%00@host5.example.com>
                        Contact: <sip:%00%00@host5.example.com>
                        L:0

                        """, 405, "valid; this server is no registrar"),
                new Vector("3.1.1.5", "esc02", """
                        RE%47IST%45R sip:registrar.example.com SIP/2.0
                        To: "%Z%45" <sip:resource@example.com>
                        From: "%Z%45" <sip:resource@example.com>;tag=f232jadfj23
                        Call-ID: esc02.asdfnqwo34rq23i34jrjasdcnl23nrlknsdf
                        Via: SIP/2.0/UDP $PEER;branch=z9hG4bK209%fzsnel234
                        CSeq: 29344 RE%47IST%45R
                        Max-Forwards: 70
                        Contact: <sip:alias1@host1.example.com>
                        C%6Fntact: <sip:alias2@host2.example.com>
                        Contact: <sip:alias3@host3.example.com>
                        l: 0

                        """, 405, "valid: an unknown method (a % is no escape in a method name)"),
                new Vector("3.1.1.6", "lwsdisp", """
                        OPTIONS sip:user@example.com SIP/2.0
                        To: sip:user@example.com
                        From: caller<sip:caller@example.com>;tag=323
                        Max-Forwards: 70
                        Call-ID: lwsdisp.1234abcd@funky.example.com
                        CSeq: 60 OPTIONS
                        Via: SIP/2.0/UDP $PEER;branch=z9hG4bKkdjuw
                        l: 0

                        """, 200, "valid: no space needed between display name and <"),
                new Vector("3.1.1.7", "longreq", """
                        INVITE sip:user@example.com SIP/2.0
                        To: "I have a user name of extremeextremeextremeextremeextremeextremeextremeextremeextremeextreme\
                         proportion"<sip:user@example.com:6000;unknownparam1=verylonglonglonglonglonglonglonglonglonglonglong\
                        longlonglonglonglonglonglonglonglongvalue;longparamnamenamenamenamenamenamenamenamenamenamenamenamename\
                        namenamenamenamenamenamenamenamenamenamenamename=shortvalue;verylonglonglonglonglonglonglonglonglonglong\
                        longlonglonglonglonglonglonglonglonglonglonglonglonglongParameterNameWithNoValue>
                        F: sip:amazinglylongcallernameamazinglylongcallernameamazinglylongcallernameamazinglylongcallername\
                        amazinglylongcallername@example.net;tag=1298298298298298298298298298298298298298298298298298298298298298\
                        2982982982982982982982982982982982982982982982982982982982982982982982982982982982982982424;unknownheader\
                        paramnamenamenamenamenamenamenamenamenamenamenamenamenamenamenamenamenamenamenamename=unknowheaderparam\
                        valuevaluevaluevaluevaluevaluevaluevaluevaluevaluevaluevaluevaluevaluevalue;unknownValuelessparamname\
                        paramnameparamnameparamnameparamnameparamnameparamnameparamnameparamnameparamname
                        Call-ID: longreq.onereallyreallyreallyreallyreallyreallyreallyreallyreallyreallyreallyreallyreally\
                        reallyreallyreallyreallyreallyreallyreallylongcallid
                        CSeq: 3882340 INVITE
                        Unknown-LongLongLongLongLongLongLongLongLongLongLongLongLongLongLongLongLongLongLongLong-Name:\
                         unknown-longlonglonglonglonglonglonglonglonglonglonglonglonglonglonglonglonglonglonglong-value;\
                         unknown-longlonglonglonglonglonglonglonglonglonglonglonglonglonglonglonglonglonglonglong-parameter-name\
                         = unknown-longlonglonglonglonglonglonglonglonglonglonglonglonglonglonglonglonglonglonglong-parameter-value
                        Via: SIP/2.0/UDP $PEER
                        v: SIP/2.0/TCP sip32.example.com
                        V: SIP/2.0/TCP sip31.example.com
                        Via: SIP/2.0/TCP sip30.example.com
                        ViA: SIP/2.0/TCP sip29.example.com
                        VIa: SIP/2.0/TCP sip28.example.com
                        VIA: SIP/2.0/TCP sip27.example.com
                        via: SIP/2.0/TCP sip26.example.com
                        viA: SIP/2.0/TCP sip25.example.com
                        vIa: SIP/2.0/TCP sip24.example.com
                        vIA: SIP/2.0/TCP sip23.example.com
                        V :  SIP/2.0/TCP sip22.example.com
                        v :  SIP/2.0/TCP sip21.example.com
                        V  : SIP/2.0/TCP sip20.example.com
                        v  : SIP/2.0/TCP sip19.example.com
                        Via : SIP/2.0/TCP sip18.example.com
                        Via  : SIP/2.0/TCP sip17.example.com
                        Via: SIP/2.0/TCP sip16.example.com
                        Via: SIP/2.0/TCP sip15.example.com
                        Via: SIP/2.0/TCP sip14.example.com
                        Via: SIP/2.0/TCP sip13.example.com
                        Via: SIP/2.0/TCP sip12.example.com
                        Via: SIP/2.0/TCP sip11.example.com
                        Via: SIP/2.0/TCP sip10.example.com
                        Via: SIP/2.0/TCP sip9.example.com
                        Via: SIP/2.0/TCP sip8.example.com
                        Via: SIP/2.0/TCP sip7.example.com
                        Via: SIP/2.0/TCP sip6.example.com
                        Via: SIP/2.0/TCP sip5.example.com
                        Via: SIP/2.0/TCP sip4.example.com
                        Via: SIP/2.0/TCP sip3.example.com
                        Via: SIP/2.0/TCP sip2.example.com
                        Via: SIP/2.0/TCP sip1.example.com
                        Via: SIP/2.0/TCP host.example.com;received=192.0.2.5;branch=verylonglonglonglonglonglonglonglonglong\
                        longlonglonglonglonglonglonglonglonglonglonglonglonglonglonglonglonglonglonglonglonglonglonglonglonglong\
                        longlonglonglonglonglonglonglonglonglonglonglongbranchvalue
                        Max-Forwards: 70
                        Contact: <sip:amazinglylongcallernameamazinglylongcallernameamazinglylongcallernameamazinglylong\
                        callernameamazinglylongcallername@host5.example.net>
                        Content-Type: application/sdp
                        l: 150

                        """ + SDP_150, 180, "valid: long values and many Vias (the RFC's line breaks are not in the message)"),
                new Vector("3.1.1.8", "dblreq", """
                        REGISTER sip:example.com SIP/2.0
                        To: sip:j.user@example.com
                        From: sip:j.user@example.com;tag=43251j3j324
                        Max-Forwards: 8
                        I: dblreq.0ha0isndaksdj99sdfafnl3lk233412
                        Contact: sip:j.user@host.example.com
                        CSeq: 8 REGISTER
                        Via: SIP/2.0/UDP $PEER;branch=z9hG4bKkdjuw23492
                        Content-Length: 0


                        INVITE sip:joe@example.com SIP/2.0
                        t: sip:joe@example.com
                        From: sip:caller@example.net;tag=141334
                        Max-Forwards: 8
                        Call-ID: dblreq.0ha0isnda977644900765@192.0.2.15
                        CSeq: 8 INVITE
                        Via: SIP/2.0/UDP $PEER;branch=z9hG4bKkdjuw380234
                        Content-Type: application/sdp
                        Content-Length: 150

                        v=0
                        o=mhandley 29739 7272939 IN IP4 192.0.2.15
                        s=-
                        c=IN IP4 192.0.2.15
                        t=0 0
                        m=audio 49217 RTP/AVP 0 12
                        m =video 3227 RTP/AVP 31
                        a=rtpmap:31 LPC
                        """, 405, "the octets after the REGISTER's Content-Length are discarded (RFC 3261 18.3);"
                        + " the INVITE in them never becomes a call"),
                new Vector("3.1.1.9", "semiuri", """
                        OPTIONS sip:user;par=u%40example.net@example.com SIP/2.0
                        To: sip:j_user@example.com
                        From: sip:caller@example.org;tag=33242
                        Max-Forwards: 3
                        Call-ID: semiuri.0ha0isndaksdj
                        CSeq: 8 OPTIONS
                        Accept: application/sdp, application/pkcs7-mime,
                                multipart/mixed, multipart/signed,
                                message/sip, message/sipfrag
                        Via: SIP/2.0/UDP $PEER;branch=z9hG4bKkdjuw
                        l: 0

                        """, 200, "valid: a ; in the user part"),
                new Vector("3.1.1.10", "transports", """
                        OPTIONS sip:user@example.com SIP/2.0
                        To: sip:user@example.com
                        From: <sip:caller@example.com>;tag=323
                        Max-Forwards: 70
                        Call-ID:  transports.kijh4akdnaqjkwendsasfdj
                        Accept: application/sdp
                        CSeq: 60 OPTIONS
                        Via: SIP/2.0/UDP $PEER;branch=z9hG4bKkdjuw
                        Via: SIP/2.0/SCTP t2.example.com;branch=z9hG4bKklasjdhf
                        Via: SIP/2.0/TLS t3.example.com;branch=z9hG4bK2980unddj
                        Via: SIP/2.0/UNKNOWN t4.example.com;branch=z9hG4bKasd0f3en
                        Via: SIP/2.0/TCP t5.example.com;branch=z9hG4bK0a9idfnee
                        l: 0

                        """, 200, "valid: unknown transports below the top Via are only copied"),
                new Vector("3.1.1.11", "mpart01", """
                        MESSAGE sip:kumiko@example.org SIP/2.0
                        Via: SIP/2.0/UDP $PEER;branch=z9hG4bK-d87543-4dade06d0bdb11ee-1--d87543-;rport
                        Max-Forwards: 70
                        Route: <sip:127.0.0.1:5080>
                        Identity: r5mwreLuyDRYBi/0TiPwEsY3rEVsk/G2WxhgTV1PF7hHuLIK0YWVKZhKv9Mj8UeXqkMVbnVq37CD+813gvYjcBUaZngQmX\
                        c9WNZSDNGCzA+fWl9MEUHWIZo1CeJebdY/XlgKeTa0Olvq0rt70Q5jiSfbqMJmQFteeivUhkMWYUA=
                        Contact: <sip:fluffy@127.0.0.1:5070>
                        To: <sip:kumiko@example.org>
                        From: <sip:fluffy@example.com>;tag=2fb0dcc9
                        Call-ID: 3d9485ad0c49859b@Zmx1ZmZ5LW1hYy0xNi5sb2NhbA..
                        CSeq: 1 MESSAGE
                        Content-Transfer-Encoding: binary
                        Content-Type: multipart/mixed;boundary=7a9cbec02ceef655
                        Date: Sat, 15 Oct 2005 04:44:56 GMT
                        User-Agent: SIPimp.org/0.2.5 (curses)
                        Content-Length: 228

                        --7a9cbec02ceef655
                        Content-Type: text/plain
                        Content-Transfer-Encoding: binary

                        Hello
                        --7a9cbec02ceef655
                        Content-Type: application/octet-stream
                        Content-Transfer-Encoding: binary

                        0\u0001\u0002\u0006\t*\u0003\u0004\u0005\u0007\u000b\u000e\u000f\u0010\u001b\u001f0
                        --7a9cbec02ceef655--
                        """, 405, "valid multipart body; this server does not implement MESSAGE"),
                new Vector("3.1.1.12", "unreason", """
                        SIP/2.0 200 = 2**3 * 5**2 \u043d\u043e \u0441\u0442\u043e \u0434\u0435\u0432\u044f\u043d\u043e\
                        \u0441\u0442\u043e \u0434\u0435\u0432\u044f\u0442\u044c - \u043f\u0440\u043e\u0441\u0442\u043e\u0435
                        Via: SIP/2.0/UDP $PEER;branch=z9hG4bK1324923
                        Call-ID: unreason.1234ksdfak3j2erwedfsASdf
                        CSeq: 35 INVITE
                        From: sip:user@example.com;tag=11141343
                        To: sip:user@example.edu;tag=2229
                        Content-Length: 154
                        Content-Type: application/sdp
                        Contact: <sip:user@host198.example.com>

                        v=0
                        o=mhandley 29739 7272939 IN IP4 192.0.2.198
                        s=-
                        c=IN IP4 192.0.2.198
                        t=0 0
                        m=audio 49217 RTP/AVP 0 12
                        m=video 3227 RTP/AVP 31
                        a=rtpmap:31 LPC
                        """, NO_ANSWER, "a valid response, but to no request of this server: dropped"),
                new Vector("3.1.1.13", "noreason", """
                        SIP/2.0 100\s
                        Via: SIP/2.0/UDP $PEER;branch=z9hG4bK2398ndaoe
                        Call-ID: noreason.asndj203insdf99223ndf
                        CSeq: 35 INVITE
                        From: <sip:user@example.com>;tag=39ansfi3
                        To: <sip:user@example.edu>;tag=902jndnke3
                        Content-Length: 0
                        Contact: <sip:user@host105.example.com>

                        """, NO_ANSWER, "a valid response with an empty reason phrase, to no request: dropped"),

                // ---- 3.1.2 invalid messages ----
                new Vector("3.1.2.1", "badinv01", """
                        INVITE sip:user@example.com SIP/2.0
                        To: sip:j.user@example.com
                        From: sip:caller@example.net;tag=134161461246
                        Max-Forwards: 7
                        Call-ID: badinv01.0ha0isndaksdjasdf3234nas
                        CSeq: 8 INVITE
                        Via: SIP/2.0/UDP $PEER;;,;,,
                        Contact: "Joe" <sip:joe@example.org>;;;;
                        Content-Length: 152
                        Content-Type: application/sdp

                        v=0
                        o=mhandley 29739 7272939 IN IP4 192.0.2.15
                        s=-
                        c=IN IP4 192.0.2.15
                        t=0 0
                        m=audio 49217 RTP/AVP 0 12
                        m=video 3227 RTP/AVP 31
                        a=rtpmap:31 LPC
                        """, 400, "empty Via and Contact parameters"),
                new Vector("3.1.2.2", "clerr", """
                        INVITE sip:user@example.com SIP/2.0
                        Max-Forwards: 80
                        To: sip:j.user@example.com
                        From: sip:caller@example.net;tag=93942939o2
                        Contact: <sip:caller@hungry.example.net>
                        Call-ID: clerr.0ha0isndaksdjweiafasdk3
                        CSeq: 8 INVITE
                        Via: SIP/2.0/UDP $PEER;branch=z9hG4bK-39234-23523
                        Content-Type: application/sdp
                        Content-Length: 9999

                        v=0
                        o=mhandley 29739 7272939 IN IP4 192.0.2.155
                        s=-
                        c=IN IP4 192.0.2.155
                        t=0 0
                        m=audio 49217 RTP/AVP 0 12
                        m=video 3227 RTP/AVP 31
                        a=rtpmap:31 LPC
                        """, 400, "Content-Length beyond the end of the datagram (RFC 3261 18.3)"),
                new Vector("3.1.2.3", "ncl", """
                        INVITE sip:user@example.com SIP/2.0
                        Max-Forwards: 254
                        To: sip:j.user@example.com
                        From: sip:caller@example.net;tag=32394234
                        Call-ID: ncl.0ha0isndaksdj2193423r542w35
                        CSeq: 0 INVITE
                        Via: SIP/2.0/UDP $PEER;branch=z9hG4bKkdjuw
                        Contact: <sip:caller@example53.example.net>
                        Content-Type: application/sdp
                        Content-Length: -999

                        v=0
                        o=mhandley 29739 7272939 IN IP4 192.0.2.53
                        s=-
                        c=IN IP4 192.0.2.53
                        t=0 0
                        m=audio 49217 RTP/AVP 0 12
                        m=video 3227 RTP/AVP 31
                        a=rtpmap:31 LPC
                        """, 400, "a negative Content-Length"),
                new Vector("3.1.2.4", "scalar02", """
                        REGISTER sip:example.com SIP/2.0
                        Via: SIP/2.0/UDP $PEER;branch=z9hG4bK342sdfoi3
                        To: <sip:user@example.com>
                        From: <sip:user@example.com>;tag=239232jh3
                        CSeq: 36893488147419103232 REGISTER
                        Call-ID: scalar02.23o0pd9vanlq3wnrlnewofjas9ui32
                        Max-Forwards: 300
                        Expires: 10000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000\
                        000000000
                        Contact: <sip:user@host129.example.com>
                          ;expires=280297596632815
                        Content-Length: 0

                        """, 400, "CSeq beyond 2**32 and Max-Forwards beyond 255"),
                new Vector("3.1.2.5", "scalarlg", """
                        SIP/2.0 503 Service Unavailable
                        Via: SIP/2.0/UDP $PEER;branch=z9hG4bKzzxdiwo34sw;received=192.0.2.129
                        To: <sip:user@example.com>
                        From: <sip:other@example.net>;tag=2easdjfejw
                        CSeq: 9292394834772304023312 OPTIONS
                        Call-ID: scalarlg.noase0of0234hn2qofoaf0232aewf2394r
                        Retry-After: 949302838503028349304023988
                        Warning: 1812 overture "In Progress"
                        Content-Length: 0

                        """, NO_ANSWER, "a response: dropped"),
                new Vector("3.1.2.6", "quotbal", """
                        INVITE sip:user@example.com SIP/2.0
                        To: "Mr. J. User <sip:j.user@example.com>
                        From: sip:caller@example.net;tag=93334
                        Max-Forwards: 10
                        Call-ID: quotbal.aksdj
                        Contact: <sip:caller@host59.example.net>
                        CSeq: 8 INVITE
                        Via: SIP/2.0/UDP $PEER;branch=z9hG4bKkdjuw39234
                        Content-Type: application/sdp
                        Content-Length: 152

                        v=0
                        o=mhandley 29739 7272939 IN IP4 192.0.2.15
                        s=-
                        c=IN IP4 192.0.2.15
                        t=0 0
                        m=audio 49217 RTP/AVP 0 12
                        m=video 3227 RTP/AVP 31
                        a=rtpmap:31 LPC
                        """, 400, "an unterminated quoted string in To"),
                new Vector("3.1.2.7", "ltgtruri", """
                        INVITE <sip:user@example.com> SIP/2.0
                        To: sip:user@example.com
                        From: sip:caller@example.net;tag=39291
                        Max-Forwards: 23
                        Call-ID: ltgtruri.1@192.0.2.5
                        CSeq: 1 INVITE
                        Via: SIP/2.0/UDP $PEER
                        Contact: <sip:caller@host5.example.net>
                        Content-Type: application/sdp
                        Content-Length: 159

                        v=0
                        o=mhandley 29739 7272939 IN IP4 192.0.2.5
                        s=-
                        c=IN IP4 192.0.2.5
                        t=3149328700 0
                        m=audio 49217 RTP/AVP 0 12
                        m=video 3227 RTP/AVP 31
                        a=rtpmap:31 LPC
                        """, 400, "< > around the Request-URI"),
                new Vector("3.1.2.8", "lwsruri", """
                        INVITE sip:user@example.com; lr SIP/2.0
                        To: sip:user@example.com;tag=3xfe-9921883-z9f
                        From: sip:caller@example.net;tag=231413434
                        Max-Forwards: 5
                        Call-ID: lwsruri.asdfasdoeoi2323-asdfwrn23-asd834rk423
                        CSeq: 2130706432 INVITE
                        Via: SIP/2.0/UDP $PEER;branch=z9hG4bKkdjuw2395
                        Contact: <sip:caller@host1.example.net>
                        Content-Type: application/sdp
                        Content-Length: 159

                        v=0
                        o=mhandley 29739 7272939 IN IP4 192.0.2.1
                        s=-
                        c=IN IP4 192.0.2.1
                        t=3149328700 0
                        m=audio 49217 RTP/AVP 0 12
                        m=video 3227 RTP/AVP 31
                        a=rtpmap:31 LPC
                        """, 400, "white space inside the Request-URI"),
                new Vector("3.1.2.9", "lwsstart", """
                        INVITE  sip:user@example.com  SIP/2.0
                        Max-Forwards: 8
                        To: sip:user@example.com
                        From: sip:caller@example.net;tag=8814
                        Call-ID: lwsstart.dfknq234oi243099adsdfnawe3@example.com
                        CSeq: 1893884 INVITE
                        Via: SIP/2.0/UDP $PEER;branch=z9hG4bKkdjuw3923
                        Contact: <sip:caller@host1.example.net>
                        Content-Type: application/sdp
                        Content-Length: 150

                        """ + SDP_150, 180, "two spaces between the parts of the Request-Line; the RFC allows 400 or"
                        + " ignoring them: jain-sip ignores them, a call"),
                new Vector("3.1.2.10", "trws", """
                        OPTIONS sip:remote-target@example.com SIP/2.0 \s
                        Via: SIP/2.0/UDP $PEER;branch=z9hG4bK299342093
                        To: <sip:remote-target@example.com>
                        From: <sip:local-resource@example.com>;tag=329429089
                        Call-ID: trws.oicu34958239neffasdhr2345r
                        Accept: application/sdp
                        CSeq: 238923 OPTIONS
                        Max-Forwards: 70
                        Content-Length: 0

                        """, 200, "spaces after SIP/2.0; the RFC allows 400 or reading past them: jain-sip reads past"),
                new Vector("3.1.2.11", "escruri", """
                        INVITE sip:user@example.com?Route=%3Csip:example.com%3E SIP/2.0
                        To: sip:user@example.com
                        From: sip:caller@example.net;tag=341518
                        Max-Forwards: 7
                        Contact: <sip:caller@host39923.example.net>
                        Call-ID: escruri.23940-asdfhj-aje3br-234q098w-fawerh2q-h4n5
                        CSeq: 149209342 INVITE
                        Via: SIP/2.0/UDP $PEER;branch=z9hG4bKkdjuw
                        Content-Type: application/sdp
                        Content-Length: 150

                        """ + SDP_150, 400, "headers in the Request-URI; the RFC allows 400 or ignoring them"),
                new Vector("3.1.2.12", "baddate", """
                        INVITE sip:user@example.com SIP/2.0
                        To: sip:user@example.com
                        From: sip:caller@example.net;tag=2234923
                        Max-Forwards: 70
                        Call-ID: baddate.239423mnsadf3j23lj42--sedfnm234
                        CSeq: 1392934 INVITE
                        Via: SIP/2.0/UDP $PEER;branch=z9hG4bKkdjuw
                        Date: Fri, 01 Jan 2010 16:00:00 EST
                        Contact: <sip:caller@host5.example.net>
                        Content-Type: application/sdp
                        Content-Length: 150

                        v=0
                        o=mhandley 29739 7272939 IN IP4 192.0.2.5
                        s=-
                        c=IN IP4 192.0.2.5
                        t=0 0
                        m=audio 49217 RTP/AVP 0 12
                        m=video 3227 RTP/AVP 31
                        a=rtpmap:31 LPC
                        """, 180, "a time zone other than GMT in Date; the RFC allows ignoring it, and this server"
                        + " never reads Date: a call"),
                new Vector("3.1.2.13", "regbadct", """
                        REGISTER sip:example.com SIP/2.0
                        To: sip:user@example.com
                        From: sip:user@example.com;tag=998332
                        Max-Forwards: 70
                        Call-ID: regbadct.k345asrl3fdbv@10.0.0.1
                        CSeq: 1 REGISTER
                        Via: SIP/2.0/UDP $PEER;branch=z9hG4bKkdjuw
                        Contact: sip:user@example.com?Route=%3Csip:sip.example.com%3E
                        l: 0

                        """, 405, "a Contact URI with headers outside < >; the RFC allows 400 or inferring the"
                        + " brackets; this server reads no REGISTER Contact and answers the method first"),
                new Vector("3.1.2.14", "badaspec", """
                        OPTIONS sip:user@example.org SIP/2.0
                        Via: SIP/2.0/UDP $PEER;branch=z9hG4bKkdju43234
                        Max-Forwards: 70
                        From: "Bell, Alexander" <sip:a.g.bell@example.com>;tag=433423
                        To: "Watson, Thomas" < sip:t.watson@example.org >
                        Call-ID: badaspec.sdf0234n2nds0a099u23h3hnnw009cdkne3
                        Accept: application/sdp
                        CSeq: 3923239 OPTIONS
                        l: 0

                        """, 200, "spaces inside < > of To; the RFC allows 400 or ignoring them: jain-sip ignores them"),
                new Vector("3.1.2.15", "baddn", """
                        OPTIONS sip:t.watson@example.org SIP/2.0
                        Via:     SIP/2.0/UDP $PEER;branch=z9hG4bKkdjuw
                        Max-Forwards:      70
                        From:    Bell, Alexander <sip:a.g.bell@example.com>;tag=43
                        To:      Watson, Thomas <sip:t.watson@example.org>
                        Call-ID: baddn.31415@c.example.com
                        Accept: application/sdp
                        CSeq:    3923239 OPTIONS
                        l: 0

                        """, 200, "unquoted display names with commas; the RFC allows 400 or inferring quotes:"
                        + " jain-sip infers them"),
                new Vector("3.1.2.16", "badvers", """
                        OPTIONS sip:t.watson@example.org SIP/7.0
                        Via:     SIP/7.0/UDP $PEER;branch=z9hG4bKkdjuw
                        Max-Forwards:     70
                        From:    A. Bell <sip:a.g.bell@example.com>;tag=qweoiqpe
                        To:      T. Watson <sip:t.watson@example.org>
                        Call-ID: badvers.31417@c.example.com
                        CSeq:    1 OPTIONS
                        l: 0

                        """, 505, "an unknown protocol version"),
                new Vector("3.1.2.17", "mismatch01", """
                        OPTIONS sip:user@example.com SIP/2.0
                        To: sip:j.user@example.com
                        From: sip:caller@example.net;tag=34525
                        Max-Forwards: 6
                        Call-ID: mismatch01.dj0234sxdfl3
                        CSeq: 8 INVITE
                        Via: SIP/2.0/UDP $PEER;branch=z9hG4bKkdjuw
                        l: 0

                        """, 400, "the CSeq method is not the request's"),
                new Vector("3.1.2.18", "mismatch02", """
                        NEWMETHOD sip:user@example.com SIP/2.0
                        To: sip:j.user@example.com
                        From: sip:caller@example.net;tag=34525
                        Max-Forwards: 6
                        Call-ID: mismatch02.dj0234sxdfl3
                        CSeq: 8 INVITE
                        Contact: <sip:caller@host.example.net>
                        Via: SIP/2.0/UDP $PEER;branch=z9hG4bKkdjuw
                        Content-Type: application/sdp
                        l: 138

                        v=0
                        o=mhandley 29739 7272939 IN IP4 192.0.2.1
                        c=IN IP4 192.0.2.1
                        m=audio 49217 RTP/AVP 0 12
                        m=video 3227 RTP/AVP 31
                        a=rtpmap:31 LPC
                        """, 400, "an unknown method whose CSeq names INVITE"),
                new Vector("3.1.2.19", "bigcode", """
                        SIP/2.0 4294967301 better not break the receiver
                        Via: SIP/2.0/UDP $PEER;branch=z9hG4bK2398ndaoe
                        Call-ID: bigcode.asdof3uj203asdnf3429uasdhfas3ehjasdfas9i
                        CSeq: 353494 INVITE
                        From: <sip:user@example.com>;tag=39ansfi3
                        To: <sip:user@example.edu>;tag=902jndnke3
                        Content-Length: 0
                        Contact: <sip:user@host105.example.com>

                        """, NO_ANSWER, "a response with an impossible status code: dropped"),

                // ---- 3.2 transaction layer ----
                new Vector("3.2.1", "badbranch", """
                        OPTIONS sip:user@example.com SIP/2.0
                        To: sip:user@example.com
                        From: sip:caller@example.org;tag=33242
                        Max-Forwards: 3
                        Via: SIP/2.0/UDP $PEER;branch=z9hG4bK
                        Accept: application/sdp
                        Call-ID: badbranch.sadonfo23i420jv0as0derf3j3n
                        CSeq: 8 OPTIONS
                        l: 0

                        """, 200, "the magic cookie with no identifier: matched the RFC 2543 way, as the RFC allows"),

                // ---- 3.3 application layer ----
                new Vector("3.3.1", "insuf", """
                        INVITE sip:user@example.com SIP/2.0
                        CSeq: 193942 INVITE
                        Via: SIP/2.0/UDP $PEER;branch=z9hG4bKkdj.insuf
                        Content-Type: application/sdp
                        l: 152

                        v=0
                        o=mhandley 29739 7272939 IN IP4 192.0.2.95
                        s=-
                        c=IN IP4 192.0.2.95
                        t=0 0
                        m=audio 49217 RTP/AVP 0 12
                        m=video 3227 RTP/AVP 31
                        a=rtpmap:31 LPC
                        """, NO_ANSWER, "no Call-ID, From or To: the RFC would like a 400, but a response must copy"
                        + " those three; dropped (and logged) instead"),
                new Vector("3.3.2", "unkscm", """
                        OPTIONS nobodyKnowsThisScheme:totallyopaquecontent SIP/2.0
                        To: sip:user@example.com
                        From: sip:caller@example.net;tag=384
                        Max-Forwards: 3
                        Call-ID: unkscm.nasdfasser0q239nwsdfasdkl34
                        CSeq: 3923423 OPTIONS
                        Via: SIP/2.0/UDP $PEER;branch=z9hG4bKkdjuw39234
                        Content-Length: 0

                        """, 416, "a Request-URI scheme this server does not serve"),
                new Vector("3.3.3", "novelsc", """
                        OPTIONS soap.beep://192.0.2.103:3002 SIP/2.0
                        To: sip:user@example.com
                        From: sip:caller@example.net;tag=384
                        Max-Forwards: 3
                        Call-ID: novelsc.asdfasser0q239nwsdfasdkl34
                        CSeq: 3923423 OPTIONS
                        Via: SIP/2.0/UDP $PEER;branch=z9hG4bKkdjuw39234
                        Content-Length: 0

                        """, 416, "a known but non-SIP Request-URI scheme"),
                new Vector("3.3.4", "unksm2", """
                        REGISTER sip:example.com SIP/2.0
                        To: isbn:2983792873
                        From: <http://www.example.com>;tag=3234233
                        Call-ID: unksm2.daksdj@hyphenated-host.example.com
                        CSeq: 234902 REGISTER
                        Max-Forwards: 70
                        Via: SIP/2.0/UDP $PEER;branch=z9hG4bKkdjuw
                        Contact: <name:John_Smith>
                        l: 0

                        """, 405, "unknown schemes in To and From are no reason to refuse; REGISTER is"),
                new Vector("3.3.5", "bext01", """
                        OPTIONS sip:user@example.com SIP/2.0
                        To: sip:j_user@example.com
                        From: sip:caller@example.net;tag=242etr
                        Max-Forwards: 6
                        Call-ID: bext01.0ha0isndaksdj
                        Require: nothingSupportsThis, nothingSupportsThisEither
                        Proxy-Require: noProxiesSupportThis, norDoAnyProxiesSupportThis
                        CSeq: 8 OPTIONS
                        Via: SIP/2.0/UDP $PEER;branch=z9hG4bKkdjuw
                        Content-Length: 0

                        """, 420, "Require names extensions this server lacks: 420 with both in Unsupported"
                        + " (Proxy-Require is for proxies)"),
                new Vector("3.3.6", "invut", """
                        INVITE sip:user@example.com SIP/2.0
                        Contact: <sip:caller@host5.example.net>
                        To: sip:j.user@example.com
                        From: sip:caller@example.net;tag=8392034
                        Max-Forwards: 70
                        Call-ID: invut.0ha0isndaksdjadsfij34n23d
                        CSeq: 235448 INVITE
                        Via: SIP/2.0/UDP $PEER;branch=z9hG4bKkdjuw
                        Content-Type: application/unknownformat
                        Content-Length: 40

                        <audio>
                         <pcmu port="443"/>
                        </audio>
                        """, 415, "a body type this server cannot read: 415 with Accept"),
                new Vector("3.3.7", "regaut01", """
                        REGISTER sip:example.com SIP/2.0
                        To: sip:j.user@example.com
                        From: sip:j.user@example.com;tag=87321hj23128
                        Max-Forwards: 8
                        Call-ID: regaut01.0ha0isndaksdj
                        CSeq: 9338 REGISTER
                        Via: SIP/2.0/UDP $PEER;branch=z9hG4bKkdjuw
                        Authorization: NoOneKnowsThisScheme opaque-data=here
                        Content-Length:0

                        """, 405, "an unknown Authorization scheme; a registrar would say 401, this server is none"),
                new Vector("3.3.8", "multi01", """
                        INVITE sip:user@company.com SIP/2.0
                        Contact: <sip:caller@host25.example.net>
                        Via: SIP/2.0/UDP $PEER;branch=z9hG4bKkdjuw
                        Max-Forwards: 70
                        CSeq: 5 INVITE
                        Call-ID: multi01.98asdh@192.0.2.1
                        CSeq: 59 INVITE
                        Call-ID: multi01.98asdh@192.0.2.2
                        From: sip:caller@example.com;tag=3413415
                        To: sip:user@example.com
                        To: sip:other@example.net
                        From: sip:caller@example.net;tag=2923420123
                        Content-Type: application/sdp
                        l: 154
                        Contact: <sip:caller@host36.example.net>
                        Max-Forwards: 5

                        v=0
                        o=mhandley 29739 7272939 IN IP4 192.0.2.25
                        s=-
                        c=IN IP4 192.0.2.25
                        t=0 0
                        m=audio 49217 RTP/AVP 0 12
                        m=video 3227 RTP/AVP 31
                        a=rtpmap:31 LPC

                        """, 400, "two values of header fields that take one (Call-ID, CSeq, From, To, Max-Forwards)"),
                new Vector("3.3.9", "mcl01", """
                        OPTIONS sip:user@example.com SIP/2.0
                        Via: SIP/2.0/UDP $PEER;branch=z9hG4bK293423
                        To: sip:user@example.com
                        From: sip:other@example.net;tag=3923942
                        Call-ID: mcl01.fhn2323orihawfdoa3o4r52o3irsdf
                        CSeq: 15932 OPTIONS
                        Content-Length: 13
                        Max-Forwards: 60
                        Content-Length: 5
                        Content-Type: text/plain

                        There's no way to know how many octets are supposed to be here.
                        """, 400, "two Content-Length values"),
                new Vector("3.3.10", "bcast", """
                        SIP/2.0 200 OK
                        Via: SIP/2.0/UDP $PEER;branch=z9hG4bK1324923
                        Via: SIP/2.0/UDP 255.255.255.255;branch=z9hG4bK1saber23
                        Call-ID: bcast.0384840201234ksdfak3j2erwedfsASdf
                        CSeq: 35 INVITE
                        From: sip:user@example.com;tag=11141343
                        To: sip:user@example.edu;tag=2229
                        Content-Length: 154
                        Content-Type: application/sdp
                        Contact: <sip:user@host28.example.com>

                        v=0
                        o=mhandley 29739 7272939 IN IP4 192.0.2.198
                        s=-
                        c=IN IP4 192.0.2.198
                        t=0 0
                        m=audio 49217 RTP/AVP 0 12
                        m=video 3227 RTP/AVP 31
                        a=rtpmap:31 LPC
                        """, NO_ANSWER, "a response with a broadcast Via: dropped, never forwarded"),
                new Vector("3.3.11", "zeromf", """
                        OPTIONS sip:user@example.com SIP/2.0
                        To: sip:user@example.com
                        From: sip:caller@example.net;tag=3ghsd41
                        Call-ID: zeromf.jfasdlfnm2o2l43r5u0asdfas
                        CSeq: 39234321 OPTIONS
                        Via: SIP/2.0/UDP $PEER;branch=z9hG4bKkdjuw2349i
                        Max-Forwards: 0
                        Content-Length: 0

                        """, 200, "Max-Forwards 0 stops proxies, not the user agent it reached"),
                new Vector("3.3.12", "cparam01", """
                        REGISTER sip:example.com SIP/2.0
                        Via: SIP/2.0/UDP $PEER;branch=z9hG4bKkdjuw
                        Max-Forwards: 70
                        From: sip:watson@example.com;tag=DkfVgjkrtMwaerKKpe
                        To: sip:watson@example.com
                        Call-ID: cparam01.70710@saturn.example.com
                        CSeq: 2 REGISTER
                        Contact: sip:+19725552222@gw1.example.net;unknownparam
                        l: 0

                        """, 405, "valid; not a registrar"),
                new Vector("3.3.13", "cparam02", """
                        REGISTER sip:example.com SIP/2.0
                        Via: SIP/2.0/UDP $PEER;branch=z9hG4bKkdjuw
                        Max-Forwards: 70
                        From: sip:watson@example.com;tag=838293
                        To: sip:watson@example.com
                        Call-ID: cparam02.70710@saturn.example.com
                        CSeq: 3 REGISTER
                        Contact: <sip:+19725552222@gw1.example.net;unknownparam>
                        l: 0

                        """, 405, "valid; not a registrar"),
                new Vector("3.3.14", "regescrt", """
                        REGISTER sip:example.com SIP/2.0
                        To: sip:user@example.com
                        From: sip:user@example.com;tag=8
                        Max-Forwards: 70
                        Call-ID: regescrt.k345asrl3fdbv@192.0.2.1
                        CSeq: 14398234 REGISTER
                        Via: SIP/2.0/UDP $PEER;branch=z9hG4bKkdjuw
                        M: <sip:user@example.com?Route=%3Csip:sip.example.com%3E>
                        L:0

                        """, 405, "valid; not a registrar"),
                new Vector("3.3.15", "sdp01", """
                        INVITE sip:user@example.com SIP/2.0
                        To: sip:j_user@example.com
                        Contact: <sip:caller@host15.example.net>
                        From: sip:caller@example.net;tag=234
                        Max-Forwards: 5
                        Call-ID: sdp01.ndaksdj9342dasdd
                        Accept: text/nobodyKnowsThis
                        CSeq: 8 INVITE
                        Via: SIP/2.0/UDP $PEER;branch=z9hG4bKkdjuw
                        Content-Length: 150
                        Content-Type: application/sdp

                        v=0
                        o=mhandley 29739 7272939 IN IP4 192.0.2.5
                        s=-
                        c=IN IP4 192.0.2.5
                        t=0 0
                        m=audio 49217 RTP/AVP 0 12
                        m=video 3227 RTP/AVP 31
                        a=rtpmap:31 LPC
                        """, 406, "the answer must carry SDP, which Accept does not allow"),

                // ---- 3.4 backward compatibility ----
                new Vector("3.4.1", "inv2543", """
                        INVITE sip:UserB@example.com SIP/2.0
                        Via: SIP/2.0/UDP $PEER
                        From: <sip:+13035551111@ift.client.example.net;user=phone>
                        Record-Route: <sip:UserB@example.com;maddr=ss1.example.com>
                        To: sip:+16505552222@ss1.example.net;user=phone
                        Call-ID: inv2543.1717@ift.client.example.com
                        CSeq: 56 INVITE
                        Content-Type: application/sdp

                        v=0
                        o=mhandley 29739 7272939 IN IP4 192.0.2.5
                        s=-
                        c=IN IP4 192.0.2.5
                        t=0 0
                        m=audio 49217 RTP/AVP 0
                        """, 400, "RFC 2543 syntax, which the RFC asks elements that want backward compatibility"
                        + " to accept. No branch, no From tag, no Max-Forwards and no Content-Length are accepted (the"
                        + " body runs to the end of the datagram), but an INVITE without Contact is refused (RFC 3261"
                        + " 8.1.1.8): the provider would have nowhere to send its BYE"));
    }
}

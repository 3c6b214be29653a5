/**
 * The subset of SDP (RFC 4566, with RFC 3264 offer/answer) that a SIP line provider needs:
 * {@link dev.switchboard.sip.sdp.SdpReader} turns an offer into a
 * {@link dev.switchboard.sip.sdp.SessionDescription} and its TAPI media-mode bits, and
 * {@link dev.switchboard.sip.sdp.SdpAnswerWriter} writes the answer for G.711 audio with
 * telephone-event, or for T.38 fax over UDPTL.
 *
 * <p><b>Why our own reader rather than {@code javax.sdp}.</b> jain-sip-ri 1.3.0-91, which this
 * module already depends on, ships the NIST SDP parser ({@code javax.sdp.SdpFactory},
 * {@code gov.nist.javax.sdp}). Fed the tests' offers it reads the ordinary ones, T.38
 * {@code m=image ... udptl t38} included, but it gets three kinds of input wrong, each shown next
 * to our reader in {@code SdpReaderAgainstJainSipTest}:
 * <ul>
 * <li>It alters legal values: the {@code o=} session id and version are read into a {@code long}
 *     that keeps their last 18 digits, so a 64-bit NTP value such as 16294887898349568000 becomes
 *     294887898349568000; an IPv4-mapped IPv6 origin address {@code ::ffff:192.0.2.1} comes back
 *     as {@code [::ffff:192]}.</li>
 * <li>It accepts, without a word, offers the provider must refuse with 400 rather than send media
 *     to the wrong place or in the wrong format: port 70000, payload type 200, an {@code m=} line
 *     with no format, an rtpmap without a clock rate, a T.38 number that is a word, network type
 *     {@code IPX}, {@code v=1}, a stream with no {@code c=} anywhere; a line that is not
 *     {@code <type>=<value>} is dropped.</li>
 * <li>When it does refuse, the exception says only "Could not parse message", with line 0 and no
 *     cause, and the parser prints its stack trace to standard error, outside java.util.logging.</li>
 * </ul>
 * Using it would therefore still need a second pass over the text to validate and to name the
 * offending line, which is most of what {@code SdpReader} is. The SDP-only artifacts on Maven
 * Central were no better fit: {@code javax.sdp:nist-sdp} is the NIST parser again, as an older separate artifact;
 * {@code net.sourceforge.jsdp:jsdp} was last published in 2008; the recent WebRTC-oriented parsers
 * model ICE and DTLS rather than T.38. The writer's negotiation rules would be ours either way.
 */
package dev.switchboard.sip.sdp;

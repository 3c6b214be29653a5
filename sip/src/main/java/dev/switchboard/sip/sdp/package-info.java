/**
 * The subset of SDP (RFC 4566, with RFC 3264 offer/answer) that a SIP line provider needs:
 * {@link dev.switchboard.sip.sdp.SdpReader} turns an offer into a
 * {@link dev.switchboard.sip.sdp.SessionDescription} and its TAPI media-mode bits, and
 * {@link dev.switchboard.sip.sdp.SdpAnswerWriter} writes the answer for G.711 audio with
 * telephone-event, or for T.38 fax over UDPTL.
 *
 * <p><b>Why hand-written rather than a library.</b> The SDP-only artifacts on Maven Central
 * were weighed: {@code javax.sdp:nist-sdp} and {@code net.sourceforge.jsdp:jsdp} (last
 * published 2008) are old and unmaintained; {@code io.github.crow-misia.sdp:sdp} is Kotlin and brings
 * the Kotlin standard library; the recent WebRTC-oriented parsers model ICE/DTLS rather than
 * T.38; and the NIST parser that is maintained lives inside {@code jain-sip-ri}, which this
 * module is not to depend on yet. What the provider needs is a few hundred lines: the line types
 * v, o, s, c, t, m, a (rtpmap, fmtp, direction, T38*) and a strict, line-numbered error for
 * anything else, which is easier to keep correct here than to adapt a general model to. When
 * the SIP stack arrives its {@code gov.nist.javax.sdp} could replace the reader; the writer's
 * negotiation rules would stay.
 */
package dev.switchboard.sip.sdp;

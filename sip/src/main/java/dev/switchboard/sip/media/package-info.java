/**
 * Media pieces of a SIP line provider that need no SIP stack: G.711 decoding
 * ({@link dev.switchboard.sip.media.G711}), fax-tone detection
 * ({@link dev.switchboard.sip.media.FaxToneDetector}), RTP header parsing
 * ({@link dev.switchboard.sip.media.RtpPacket}), RFC 4733 DTMF events
 * ({@link dev.switchboard.sip.media.TelephoneEventDecoder}) and SIP INFO DTMF bodies
 * ({@link dev.switchboard.sip.media.InfoDtmf}).
 *
 * <p>None of these classes is thread-safe: a provider keeps one decoder and one detector per
 * call and feeds them from the one thread that orders that call's packets.
 */
package dev.switchboard.sip.media;

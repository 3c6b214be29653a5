/**
 * Media pieces of a SIP line provider that need no SIP stack and no network: G.711 coding
 * ({@link dev.switchboard.sip.media.G711}), fax-tone detection
 * ({@link dev.switchboard.sip.media.FaxToneDetector}), RTP header parsing
 * ({@link dev.switchboard.sip.media.RtpPacket}), RFC 4733 DTMF events
 * ({@link dev.switchboard.sip.media.TelephoneEventDecoder}), SIP INFO DTMF bodies
 * ({@link dev.switchboard.sip.media.InfoDtmf}), and what a call plays and records:
 * {@link dev.switchboard.sip.media.Prompt}s (WAV files read by
 * {@link dev.switchboard.sip.media.WavReader}, {@link dev.switchboard.sip.media.Tone}s, sequences)
 * that open into {@link dev.switchboard.sip.media.AudioSource}s, and
 * {@link dev.switchboard.sip.media.WavWriter} for recordings.
 *
 * <p>None of these classes is thread-safe except the immutable prompts and tones: a provider
 * keeps one decoder, detector and source per call and feeds them from the one thread that
 * orders that call's packets.
 */
package dev.switchboard.sip.media;

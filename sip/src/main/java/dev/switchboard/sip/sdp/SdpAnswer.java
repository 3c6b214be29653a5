package dev.switchboard.sip.sdp;

/**
 * An answer written by {@link SdpAnswerWriter}.
 *
 * @param text       the SDP body, lines ended by CRLF
 * @param mediaModes the TAPI media-mode bits of the streams accepted; 0 when every offered
 *                   stream was rejected, in which case the SIP layer should answer 488
 *                   rather than send this body
 */
public record SdpAnswer(String text, int mediaModes) {

    /** Whether at least one offered stream was accepted. */
    public boolean acceptsAnything() {
        return mediaModes != 0;
    }
}

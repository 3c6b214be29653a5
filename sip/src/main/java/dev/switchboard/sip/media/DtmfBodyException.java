package dev.switchboard.sip.media;

/**
 * A SIP INFO body that does not carry one DTMF digit. Checked, because the SIP layer must
 * answer such an INFO with an error (400, or 415 for an unknown content type) and not drop it.
 */
public final class DtmfBodyException extends Exception {

    public DtmfBodyException(String message) {
        super(message);
    }
}

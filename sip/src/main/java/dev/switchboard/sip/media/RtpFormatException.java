package dev.switchboard.sip.media;

/**
 * A datagram that is not a well-formed RTP packet or telephone-event payload. Checked, because
 * garbage on a media port is expected input: the caller drops the packet and goes on. It
 * carries no stack trace, which would only point at the parser and would cost a lot under a flood.
 */
public final class RtpFormatException extends Exception {

    public RtpFormatException(String message) {
        super(message, null, false, false);
    }
}

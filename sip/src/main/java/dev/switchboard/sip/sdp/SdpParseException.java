package dev.switchboard.sip.sdp;

/**
 * An SDP body that cannot be read. Checked, because a malformed offer is an expected input
 * from the network that the SIP layer must answer (400 or 488), not a programming error.
 */
public final class SdpParseException extends Exception {

    private final int lineNumber;
    private final String line;

    /** A problem with one line; the message names its 1-based number and its text. */
    public SdpParseException(int lineNumber, String line, String reason) {
        super("SDP line " + lineNumber + " '" + line + "': " + reason);
        this.lineNumber = lineNumber;
        this.line = line;
    }

    /** A problem with the body as a whole, such as a missing o= line. */
    public SdpParseException(String reason) {
        super("SDP: " + reason);
        this.lineNumber = 0;
        this.line = "";
    }

    /** The 1-based number of the offending line, or 0 when the body as a whole is at fault. */
    public int lineNumber() {
        return lineNumber;
    }

    /** The offending line's text, or empty when the body as a whole is at fault. */
    public String line() {
        return line;
    }
}

package dev.switchboard.api.media;

/**
 * Why a media operation ended (R28). Every operation can end DONE, CANCELLED, HANGUP or FAILED;
 * a gather ends with one of TAPI's LINEGATHERTERM reasons instead of DONE; a recording may also
 * end on silence or a terminator digit.
 */
public enum MediaEndReason {
    /** It ran to its end: the prompts were played, the digits or tone generated, the recording reached its maximum duration. */
    DONE,
    /** Gather: as many digits as asked for were collected (LINEGATHERTERM_BUFFERFULL). */
    BUFFERFULL,
    /** Gather or record: a terminator digit was pressed (LINEGATHERTERM_TERMDIGIT). */
    TERMDIGIT,
    /** Gather: no first digit came in time (LINEGATHERTERM_FIRSTTIMEOUT). */
    FIRSTTIMEOUT,
    /** Gather: no next digit came in time (LINEGATHERTERM_INTERTIMEOUT). */
    INTERTIMEOUT,
    /** Record: the caller was silent for the maximum silence. */
    SILENCE,
    /**
     * Stopped before its end: by {@code stopMedia}, by a newer operation of the same kind (R27), by
     * the starting application ceasing to own the call or deallocating its handle, or by the call
     * leaving the line by transfer or redirect (R28). For a gather this is TAPI's LINEGATHERTERM_CANCEL.
     */
    CANCELLED,
    /** The call ended (R28). */
    HANGUP,
    /** The line failed to carry it out (R33); the call is still as it was, or ended as R24 says. */
    FAILED
}

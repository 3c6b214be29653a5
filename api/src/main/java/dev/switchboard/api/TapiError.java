package dev.switchboard.api;

/**
 * The errors an operation can fail with. Names keep TAPI's LINEERR_ names so that TAPI
 * documentation applies as it stands.
 */
public enum TapiError {
    /** The handle is not a handle of the calling application (never issued, deallocated, or another application's). */
    INVALCALLHANDLE,
    /** The operation needs OWNER privilege and the handle has MONITOR. */
    NOTOWNER,
    /** The media-mode argument is not allowed here (zero, unknown bits, or several bits where one is needed). */
    INVALMEDIAMODE,
    /** The call is in a state that does not allow the operation. */
    INVALCALLSTATE,
    /** The line provider does not support the operation (R13). */
    OPERATIONUNAVAIL,
    /** The operation was attempted and failed; the message says why. */
    OPERATIONFAILED,
    /** A resource needed for the operation is not available, such as a call held by another transaction past the lock timeout (R22). */
    RESOURCEUNAVAIL,
    /** The application name is empty, unknown, or already in use. */
    INVALAPPNAME,
    /** The privilege argument is not allowed here. */
    INVALPRIVILEGE,
    /** The line named is not known, or the application has not opened it. */
    INVALLINE,
    /** A parameter is out of its range, such as a priority other than 0 or 1 (R2). */
    INVALPARAM,
    /** The session or connection the operation was made through has been closed. */
    UNINITIALIZED
}

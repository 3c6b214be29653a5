package dev.switchboard.api;

/**
 * What an application can do to a call through its handle. Every failure is a
 * {@link SwitchboardException} naming the call, the application and what
 * was wrong.
 */
public interface CallControl {

    /** Directed handoff (R8, R9, R11, R12): gives ownership to the named application. */
    HandoffResult handoffToApplication(CallHandle call, String targetApplication);

    /** Media-mode handoff (R8, R10, R11, R12): {@code mediaMode} must be exactly one bit. */
    HandoffResult handoffToMediaMode(CallHandle call, int mediaMode);

    /** Media-mode handoff to one named mode. */
    default HandoffResult handoffToMediaMode(CallHandle call, MediaMode mediaMode) {
        return handoffToMediaMode(call, mediaMode.bit());
    }

    /** Changes this application's privilege on the call (R14). */
    void setPrivilege(CallHandle call, Privilege privilege);

    /** Gives up the handle (R14, R24); it is invalid afterwards. */
    void deallocate(CallHandle call);

    /** Sets the call's media mode; owners only; several bits only with UNKNOWN (R16). */
    void setMediaMode(CallHandle call, int mediaModes);

    /** Asks for a media-detected event whenever one of these modes is detected; 0 stops it (R17). */
    void monitorMedia(CallHandle call, int mediaModes);

    /** Starts or stops digit events for the call (R18). */
    void monitorDigits(CallHandle call, boolean enabled);

    /** Answers the call; owners only. */
    void answer(CallHandle call);

    /** Drops the call; owners only. */
    void drop(CallHandle call);

    /** The call as this application sees it. */
    CallInfo callInfo(CallHandle call);
}

package dev.switchboard.core.spi;

import java.util.List;

/**
 * A source of calls, like a TAPI service provider: a simulated switch, a SIP endpoint.
 *
 * <p>The provider reports facts through the {@link ProviderEvents} of the {@link ProviderContext}
 * it is started with, and does its own work on that context's executors and timer; the core asks
 * it for actions through the methods below. Actions are addressed by the provider's own call id,
 * the one it gave in {@link ProviderEvents#newCall}. The core calls the action methods on its own
 * threads (an application's, or an event delivery's): a provider that has work to do for them
 * hands it to its executor rather than block the caller.
 */
public interface LineProvider {

    /** A short name for logs and the operator console, such as {@code sim} or {@code sip}. */
    String name();

    /** The lines this provider serves; their names are unique across the adapter. */
    List<String> lines();

    /** What the provider can do (R13, R17). */
    ProviderCapabilities capabilities();

    /** Starts reporting calls to {@code context.events()}, working on the context's threads. Called once. */
    void start(ProviderContext context);

    /** Stops the provider; calls still up are reported as hung up or simply dropped. */
    void stop();

    /** Answers the call (an owner asked). */
    void answer(String providerCallId);

    /** Drops the call (an owner asked); the provider then reports the state change. */
    void drop(String providerCallId);

    /**
     * An owner set the call's media mode (R16). A provider that can switch media (for example
     * accept a pending T.38 re-INVITE when the mode becomes G3FAX) does so; others ignore it.
     */
    void mediaModeChanged(String providerCallId, int mediaModes);

    /**
     * Whether the provider still has this call: it has not reported the call's end and has not
     * forgotten it. The core asks before an operator's drop; a call the provider no longer has is
     * ended in the core alone. A provider that cannot tell answers true.
     */
    default boolean hasCall(String providerCallId) {
        return true;
    }

    /** What the provider holds now, for operators' leak checks. */
    default ProviderResources resources() {
        return ProviderResources.NONE;
    }
}

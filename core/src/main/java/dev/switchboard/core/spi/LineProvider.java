package dev.switchboard.core.spi;

import java.util.List;

/**
 * A source of calls, like a TAPI service provider: a simulated switch, a SIP endpoint.
 *
 * <p>The provider reports facts through the {@link ProviderEvents} it is started with; the core
 * asks it for actions through the methods below. Actions are addressed by the provider's own
 * call id, the one it gave in {@link ProviderEvents#newCall}.
 */
public interface LineProvider {

    /** A short name for logs and the operator console, such as {@code sim} or {@code sip}. */
    String name();

    /** The lines this provider serves; their names are unique across the adapter. */
    List<String> lines();

    /** What the provider can do (R13, R17). */
    ProviderCapabilities capabilities();

    /** Starts reporting calls to {@code events}. Called once. */
    void start(ProviderEvents events);

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
}

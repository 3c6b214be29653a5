package dev.switchboard.sip.provider;

import java.util.Set;

/**
 * The SIP extensions (option tags) the provider implements: what it lists in {@code Supported},
 * and what a request's {@code Require} may name without being refused with {@code 420 Bad
 * Extension}. One place, so that supporting an extension and accepting a request that requires it
 * cannot drift apart.
 */
final class SipExtensions {
    /** RFC 4028 session timers. */
    static final String TIMER = "timer";

    static final Set<String> SUPPORTED = Set.of(TIMER);

    private SipExtensions() {
    }
}

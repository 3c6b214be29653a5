package dev.switchboard.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.switchboard.api.CallState;
import dev.switchboard.api.CallView;
import dev.switchboard.api.SwitchboardException;
import dev.switchboard.api.SwitchboardOperator;
import dev.switchboard.api.TapiError;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Set;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * The suites' leak invariant, checked in the container as the last test of each suite: once every
 * caller has hung up, no call is left in any running switchboard adapter, and its line providers
 * hold no call (SIP dialog) and no media port (RTP). Read from the adapters' MXBeans
 * ({@code LiveCalls}, {@code ProviderCalls}, {@code ProviderMediaPorts}), waited for with
 * Awaitility. {@link NothingLeftIT} checks after the last suite that every adapter is gone.
 */
public final class Leaks {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String ADAPTERS = "dev.switchboard:type=ResourceAdapter,*";

    private Leaks() {
    }

    /**
     * The end of a suite on the simulated switch: its simulated callers, which never hang up by
     * themselves, hang up; the test applications only record events and never deallocate, so what
     * they leave IDLE the operator removes (every drop must remove its call); then nothing may be held.
     */
    public static void hangUpRemoveAndAssertNothingHeld(SwitchboardOperator operator) {
        hangUpSimulatedCallers(operator);
        for (CallView c : operator.calls()) {
            try {
                operator.dropCall(c.callId());
            } catch (SwitchboardException e) {
                if (e.error() != TapiError.INVALCALLHANDLE) { // gone meanwhile is fine
                    throw e;
                }
            }
        }
        assertNothingHeld();
    }

    /**
     * The end of a suite whose applications deallocate their handles at IDLE, as real ones do: once
     * the simulated callers have hung up, every call must go by itself.
     */
    public static void hangUpAndAssertNothingHeld(SwitchboardOperator operator) {
        hangUpSimulatedCallers(operator);
        assertNothingHeld();
    }

    private static void hangUpSimulatedCallers(SwitchboardOperator operator) {
        // the simulator left the public api (f21c703): reach it through the connection factory, as the tests do
        dev.switchboard.core.sim.Simulator simulator;
        try {
            simulator = ((dev.switchboard.core.sim.Simulators) javax.naming.InitialContext
                    .doLookup(Deployments.CONNECTION_FACTORY)).simulator().orElseThrow();
        } catch (javax.naming.NamingException e) {
            throw new IllegalStateException("no connection factory at " + Deployments.CONNECTION_FACTORY, e);
        }
        for (CallView c : operator.calls()) {
            if ("sim".equals(c.provider()) && c.state() != CallState.IDLE) {
                simulator.hangUp(c.providerCallId());
            }
        }
    }

    /** Waits until no running adapter has a live call and no line provider holds a call or a media port. */
    public static void assertNothingHeld() {
        MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();
        Set<ObjectName> adapters = adapters(jmx);
        assertFalse(adapters.isEmpty(), "no Switchboard adapter is registered over JMX");
        await().atMost(WAIT).untilAsserted(() -> {
            for (ObjectName adapter : adapters) {
                assertEquals(0, jmx.getAttribute(adapter, "LiveCalls"), adapter + ": live calls");
                assertEquals(0, jmx.getAttribute(adapter, "ProviderCalls"), adapter + ": calls its providers hold");
                assertEquals(0, jmx.getAttribute(adapter, "ProviderMediaPorts"), adapter + ": media ports held");
            }
        });
    }

    /** The running adapters' statistics beans. */
    static Set<ObjectName> adapters(MBeanServer jmx) {
        try {
            return jmx.queryNames(new ObjectName(ADAPTERS), null);
        } catch (JMException e) {
            throw new IllegalStateException("cannot query " + ADAPTERS, e);
        }
    }
}

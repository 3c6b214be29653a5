package dev.switchboard.testkit;

import dev.switchboard.api.CallView;
import dev.switchboard.api.MediaMode;
import dev.switchboard.api.SwitchboardConnectionFactory;
import dev.switchboard.api.SwitchboardException;
import dev.switchboard.api.TapiError;
import dev.switchboard.core.Switchboard;
import dev.switchboard.core.UnitOfWork;
import dev.switchboard.core.sim.SimulatedCall;
import dev.switchboard.core.sim.SimulatedSwitch;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Switchboard for one test: the core, a simulated switch serving its lines, and the applications
 * the test opens, whose events are delivered the way the resource adapter delivers them to MDBs
 * (on threads of their own, one call's events in order, a failed delivery retried, a refused offer
 * passed to the next application). Close it at the end of the test.
 */
public final class SwitchboardTestKit implements AutoCloseable {
    /** The adapter's default for {@code deliveryRetries}. */
    public static final int DEFAULT_DELIVERY_RETRIES = 2;
    /** How long the {@code await} methods wait unless the builder says otherwise. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    private final SimulatedSwitch simulatedSwitch;
    private final Switchboard switchboard;
    private final ExecutorService deliveries;
    private final int deliveryRetries;
    private final Duration timeout;
    private final Map<String, TestApplication> applications = new ConcurrentHashMap<>();
    private final ThreadLocal<UnitOfWork> transaction = new ThreadLocal<>();
    private final KitConnectionFactory connectionFactory = new KitConnectionFactory(this);

    private SwitchboardTestKit(Builder b) {
        this.deliveryRetries = b.deliveryRetries;
        this.timeout = b.timeout;
        this.simulatedSwitch = new SimulatedSwitch(b.lines);
        AtomicInteger threads = new AtomicInteger();
        this.deliveries = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "testkit-delivery-" + threads.incrementAndGet());
            t.setDaemon(true); // a test that forgets close() must not keep the JVM alive
            return t;
        });
        this.switchboard = Switchboard.builder().provider(simulatedSwitch).deliveryExecutor(deliveries).build().start();
    }

    /** A kit whose simulated switch serves {@code line1} and {@code line2}, as the adapter's does by default. */
    public static SwitchboardTestKit create() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    // ---- applications ----

    /** Starts describing the application {@code name}, as an MDB's activation config would. */
    public ApplicationBuilder application(String name) {
        return new ApplicationBuilder(this, name);
    }

    /**
     * What an MDB injects: connections act for any application open in this kit, inside the
     * transaction of the delivery (or of {@link #inTransaction}) that asks for them, if any.
     */
    public SwitchboardConnectionFactory connectionFactory() {
        return connectionFactory;
    }

    /**
     * Runs {@code work} in a transaction, as a container-managed transaction of a session bean would:
     * connections taken from {@link #connectionFactory()} inside it stage their handoffs (R21) and
     * media (R32) until it commits, when {@code work} returns; it rolls back when {@code work} throws,
     * and the exception is rethrown.
     */
    public void inTransaction(Runnable work) {
        Objects.requireNonNull(work, "work");
        if (transaction.get() != null) {
            throw new IllegalStateException("a transaction is already running on this thread; the kit does not nest them");
        }
        UnitOfWork uow = switchboard.beginUnitOfWork(null);
        transaction.set(uow);
        try {
            work.run();
            uow.commit();
        } catch (RuntimeException | Error e) {
            uow.rollback();
            throw e;
        } finally {
            transaction.remove();
        }
    }

    // ---- the simulated switch ----

    /** A call arrives on {@code line} with these media modes (all of them, as one mask). */
    public SimulatedCall placeCall(String line, MediaMode... modes) {
        return simulatedSwitch.placeCall(line, modes);
    }

    /** The caller presses {@code digits}, one DTMF digit after the other. */
    public void pressDigits(SimulatedCall call, String digits) {
        simulatedSwitch.sendDigits(call.simulatedCallId(), digits);
    }

    /** The switch detects {@code mode} on the call (a fax tone, say); the call's media mode does not change by itself (R17). */
    public void detectMedia(SimulatedCall call, MediaMode mode) {
        simulatedSwitch.detect(call.simulatedCallId(), mode);
    }

    /** The caller hangs up. */
    public void hangUp(SimulatedCall call) {
        simulatedSwitch.hangUp(call.simulatedCallId());
    }

    /**
     * The call as operators see it now (owners, monitors, state, media modes).
     *
     * @throws SwitchboardException INVALCALLHANDLE when the call is gone (every handle deallocated)
     */
    public CallView call(SimulatedCall call) {
        return switchboard.call(call.callId()).orElseThrow(() -> new SwitchboardException(TapiError.INVALCALLHANDLE,
                "call " + call.callId() + " (simulated " + call.simulatedCallId() + ") is gone"));
    }

    /** Whether the call is still known: false once every application deallocated its handle after the end. */
    public boolean isLive(SimulatedCall call) {
        return switchboard.call(call.callId()).isPresent();
    }

    /** The core itself, for what the kit does not wrap (priority lists, the operator feed, statistics). */
    public Switchboard switchboard() {
        return switchboard;
    }

    /** The simulated switch itself, for what the kit does not wrap (recordings, calls the switch places). */
    public SimulatedSwitch simulatedSwitch() {
        return simulatedSwitch;
    }

    /** Stops the switch (ending live calls), closes every application and stops the delivery threads. */
    @Override
    public void close() {
        switchboard.close();
        deliveries.shutdown();
    }

    // ---- for the kit's own classes ----

    int deliveryRetries() {
        return deliveryRetries;
    }

    Duration timeout() {
        return timeout;
    }

    ThreadLocal<UnitOfWork> transaction() {
        return transaction;
    }

    void register(TestApplication application) {
        if (applications.putIfAbsent(application.name(), application) != null) {
            throw new SwitchboardException(TapiError.INVALAPPNAME, "application '" + application.name()
                    + "' is already open in this test kit");
        }
    }

    void unregister(TestApplication application) {
        applications.remove(application.name(), application);
    }

    TestApplication requireOpen(String name) {
        TestApplication app = name == null ? null : applications.get(name);
        if (app == null || !app.isOpen()) {
            throw new SwitchboardException(TapiError.INVALAPPNAME, "application '" + name
                    + "' is not open in this test kit; open: " + applications.keySet());
        }
        return app;
    }

    /** How to build a kit. */
    public static final class Builder {
        private List<String> lines = List.of("line1", "line2");
        private int deliveryRetries = DEFAULT_DELIVERY_RETRIES;
        private Duration timeout = DEFAULT_TIMEOUT;

        private Builder() {
        }

        /** The lines the simulated switch serves ({@code line1, line2} by default). */
        public Builder lines(String... lines) {
            this.lines = List.of(lines);
            return this;
        }

        /** How often a failed delivery is retried before an offer goes on (the adapter's {@code deliveryRetries}). */
        public Builder deliveryRetries(int retries) {
            if (retries < 0) {
                throw new IllegalArgumentException("deliveryRetries must be 0 or more, not " + retries);
            }
            this.deliveryRetries = retries;
            return this;
        }

        /** How long the {@code await} methods wait before they fail the test. */
        public Builder timeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("the timeout must be positive, not " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        public SwitchboardTestKit build() {
            return new SwitchboardTestKit(this);
        }
    }
}

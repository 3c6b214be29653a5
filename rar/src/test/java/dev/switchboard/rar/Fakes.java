package dev.switchboard.rar;

import dev.switchboard.api.CallView;
import dev.switchboard.api.MediaMode;
import dev.switchboard.api.SwitchboardListener;
import dev.switchboard.api.event.CallEvent;
import dev.switchboard.rar.inbound.SwitchboardActivationSpec;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.UnavailableException;
import jakarta.resource.spi.XATerminator;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import jakarta.resource.spi.work.ExecutionContext;
import jakarta.resource.spi.work.Work;
import jakarta.resource.spi.work.WorkContext;
import jakarta.resource.spi.work.WorkListener;
import jakarta.resource.spi.work.WorkManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Timer;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;

/** Container stand-ins in the artemis-ra manner: a WorkManager that runs work at once, endpoints that record. */
final class Fakes {
    private Fakes() {
    }

    /** Runs every Work at once on the calling thread and counts them. */
    static final class ImmediateWorkManager implements WorkManager {
        final AtomicInteger works = new AtomicInteger();

        private void run(Work work) {
            works.incrementAndGet();
            work.run();
        }

        @Override public void doWork(Work work) { run(work); }
        @Override public void doWork(Work work, long t, ExecutionContext c, WorkListener l) { run(work); }
        @Override public long startWork(Work work) { run(work); return 0; }
        @Override public long startWork(Work work, long t, ExecutionContext c, WorkListener l) { run(work); return 0; }
        @Override public void scheduleWork(Work work) { run(work); }
        @Override public void scheduleWork(Work work, long t, ExecutionContext c, WorkListener l) { run(work); }
    }

    /**
     * Runs every Work on a daemon thread of its own, as a container does: for an adapter that starts
     * the SIP provider, whose media engine's loops are work that returns only when it stops.
     */
    static final class ThreadPerWorkManager implements WorkManager {
        final AtomicInteger works = new AtomicInteger();

        private void run(Work work) {
            Thread t = new Thread(work, "fake-container-work-" + works.incrementAndGet());
            t.setDaemon(true);
            t.start();
        }

        @Override public void doWork(Work work) { work.run(); }
        @Override public void doWork(Work work, long t, ExecutionContext c, WorkListener l) { work.run(); }
        @Override public long startWork(Work work) { run(work); return 0; }
        @Override public long startWork(Work work, long t, ExecutionContext c, WorkListener l) { run(work); return 0; }
        @Override public void scheduleWork(Work work) { run(work); }
        @Override public void scheduleWork(Work work, long t, ExecutionContext c, WorkListener l) { run(work); }
    }

    /** An application's activation spec: its name and media modes with priorities (say "G3FAX:1"). */
    static SwitchboardActivationSpec spec(String app, String modes) {
        SwitchboardActivationSpec s = new SwitchboardActivationSpec();
        s.setApplicationName(app);
        s.setMediaModes(modes);
        return s;
    }

    /** Places a fax call on the adapter's simulated line1; returns the simulator's id for it. */
    static String placeFax(SwitchboardResourceAdapter ra) throws Exception {
        return ra.requireRuntime().simulator().orElseThrow()
                .placeCall("line1", MediaMode.G3FAX.bit(), "caller").simulatedCallId();
    }

    /** The call the simulator knows as {@code simId}, as operators see it. */
    static CallView callOf(SwitchboardResourceAdapter ra, String simId) throws Exception {
        return ra.requireRuntime().operator().calls().stream().filter(c -> c.providerCallId().equals(simId))
                .findFirst().orElseThrow();
    }

    static BootstrapContext bootstrap(WorkManager wm) {
        return bootstrap(wm, null);
    }

    /** A container whose timers come from {@code timers} (each a daemon Timer the test cancels), or none when null. */
    static BootstrapContext bootstrap(WorkManager wm, List<Timer> timers) {
        return bootstrap(wm, timers, null);
    }

    /** A container that gives {@code transactions} as its synchronization registry (none when null). */
    static BootstrapContext bootstrap(WorkManager wm, List<Timer> timers, TransactionSynchronizationRegistry transactions) {
        return new BootstrapContext() {
            @Override public WorkManager getWorkManager() { return wm; }
            @Override public XATerminator getXATerminator() { return null; }
            @Override public Timer createTimer() throws UnavailableException {
                if (timers == null) {
                    throw new UnavailableException("no timers");
                }
                Timer t = new Timer("fake-container-timer", true);
                timers.add(t);
                return t;
            }
            @Override public boolean isContextSupported(Class<? extends WorkContext> c) { return false; }
            @Override public TransactionSynchronizationRegistry getTransactionSynchronizationRegistry() { return transactions; }
        };
    }

    /**
     * A synchronization registry over fake transactions, one per thread at most: the endpoints below
     * begin one around each transacted delivery and complete it, telling the interposed
     * synchronizations its outcome.
     */
    static final class Transactions implements TransactionSynchronizationRegistry {
        private final ThreadLocal<List<Synchronization>> current = new ThreadLocal<>();

        void begin() {
            current.set(new ArrayList<>());
        }

        void complete(boolean rollback) {
            List<Synchronization> syncs = current.get();
            current.remove();
            if (syncs != null) {
                syncs.forEach(s -> s.afterCompletion(rollback ? Status.STATUS_ROLLEDBACK : Status.STATUS_COMMITTED));
            }
        }

        @Override public Object getTransactionKey() { return current.get(); }
        @Override public void putResource(Object key, Object value) { throw new UnsupportedOperationException(); }
        @Override public Object getResource(Object key) { throw new UnsupportedOperationException(); }
        @Override public void registerInterposedSynchronization(Synchronization sync) {
            List<Synchronization> syncs = current.get();
            if (syncs == null) {
                throw new IllegalStateException("no transaction on this thread");
            }
            syncs.add(sync);
        }
        @Override public int getTransactionStatus() {
            return current.get() == null ? Status.STATUS_NO_TRANSACTION : Status.STATUS_ACTIVE;
        }
        @Override public void setRollbackOnly() { throw new UnsupportedOperationException(); }
        @Override public boolean getRollbackOnly() { return false; }
    }

    /**
     * Endpoints whose handler is {@code handler}; with {@code transacted} the factory asks for an
     * XAResource and "completes" a transaction around each delivery: committed, or rolled back when
     * the handler threw or asked for it via {@link #rollbackNext}. With {@link #transactions} set,
     * that transaction begins in beforeDelivery there (as WildFly's and Liberty's do), or, with
     * {@link #beginsLate}, only after it, when the handler is called.
     */
    static final class EndpointFactory implements MessageEndpointFactory {
        final boolean transacted;
        final Consumer<CallEvent> handler;
        final List<String> calls = new CopyOnWriteArrayList<>();
        /** For each endpoint created, whether an XAResource was handed over with it. */
        final List<Boolean> enlisted = new CopyOnWriteArrayList<>();
        volatile Transactions transactions;
        volatile boolean beginsLate;
        final AtomicInteger created = new AtomicInteger();
        final AtomicInteger released = new AtomicInteger();
        volatile boolean rollbackNext;

        EndpointFactory(boolean transacted, Consumer<CallEvent> handler) {
            this.transacted = transacted;
            this.handler = handler;
        }

        @Override
        public MessageEndpoint createEndpoint(XAResource xa) {
            return createEndpoint(xa, 0);
        }

        @Override
        public MessageEndpoint createEndpoint(XAResource xa, long timeout) {
            created.incrementAndGet();
            enlisted.add(xa != null);
            if (transacted && xa == null && transactions == null) {
                throw new AssertionError("a transacted delivery must pass an XAResource");
            }
            return new Endpoint(this, xa);
        }

        @Override
        public boolean isDeliveryTransacted(Method method) {
            return transacted;
        }

        @Override
        public String getActivationName() {
            return "fake";
        }

        @Override
        public Class<?> getEndpointClass() {
            return Endpoint.class;
        }
    }

    static final class Endpoint implements MessageEndpoint, SwitchboardListener {
        private final EndpointFactory factory;
        private final XAResource xa;
        private final Xid xid = new Xid() {
            @Override public int getFormatId() { return 1; }
            @Override public byte[] getGlobalTransactionId() { return new byte[] {1}; }
            @Override public byte[] getBranchQualifier() { return new byte[] {2}; }
        };
        private boolean failed;

        Endpoint(EndpointFactory factory, XAResource xa) {
            this.factory = factory;
            this.xa = xa;
        }

        @Override
        public void beforeDelivery(Method method) {
            factory.calls.add("before");
            if (factory.transacted && factory.transactions != null && !factory.beginsLate) {
                factory.transactions.begin();
            }
            if (xa != null) {
                try {
                    xa.start(xid, XAResource.TMNOFLAGS);
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            }
        }

        @Override
        public void onCallEvent(CallEvent event) {
            factory.calls.add("deliver");
            if (factory.transacted && factory.transactions != null && factory.beginsLate) {
                factory.transactions.begin();
            }
            try {
                factory.handler.accept(event);
            } catch (RuntimeException e) {
                failed = true;
                throw e;
            }
        }

        @Override
        public void afterDelivery() {
            factory.calls.add("after");
            if (factory.transactions != null) {
                factory.transactions.complete(failed || factory.rollbackNext);
            }
            if (xa != null) {
                try {
                    xa.end(xid, XAResource.TMSUCCESS);
                    if (failed || factory.rollbackNext) {
                        xa.rollback(xid);
                    } else {
                        xa.commit(xid, true);
                    }
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            }
        }

        @Override
        public void release() {
            factory.calls.add("release");
            factory.released.incrementAndGet();
        }
    }
}

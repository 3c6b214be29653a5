package dev.switchboard.rar;

import jakarta.resource.spi.work.Work;
import jakarta.resource.spi.work.WorkException;
import jakarta.resource.spi.work.WorkManager;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * The core's delivery executor: each drain of one call's event queue becomes one {@link Work}
 * on the container's WorkManager, so every delivery runs on a WorkManager thread while the core's
 * per-call queue keeps one call's events serial and in order.
 */
final class WorkManagerExecutor implements Executor {
    private final WorkManager workManager;

    WorkManagerExecutor(WorkManager workManager) {
        this.workManager = workManager;
    }

    @Override
    public void execute(Runnable drain) {
        try {
            workManager.scheduleWork(new DeliveryWork(drain));
        } catch (WorkException e) {
            RaLog.deliveryRejected(e);
            throw new RejectedExecutionException("the WorkManager refused an event delivery", e);
        }
    }

    /** One drain of one call's event queue. */
    static final class DeliveryWork implements Work {
        private final Runnable drain;

        DeliveryWork(Runnable drain) {
            this.drain = drain;
        }

        @Override
        public void run() {
            drain.run();
        }

        @Override
        public void release() {
            // A drain ends by itself once its call's queue is empty; a delivery in progress is not cut short.
        }
    }
}

package dev.switchboard.rar;

import jakarta.resource.spi.work.HintsContext;
import jakarta.resource.spi.work.Work;
import jakarta.resource.spi.work.WorkContext;
import jakarta.resource.spi.work.WorkContextProvider;
import jakarta.resource.spi.work.WorkException;
import jakarta.resource.spi.work.WorkManager;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * An {@link Executor} over the container's WorkManager: each task becomes one {@link Work}, handed
 * over with {@code scheduleWork} (the caller does not wait for it to start). Three uses: the
 * core's event deliveries (each drain of one call's queue is one Work, the core's per-call queue
 * keeping the call's events in order), a line provider's short tasks, and a provider's work that
 * lasts as long as a call (a media reader). The last is marked long-running with the Connectors
 * {@link HintsContext}, so a container with a long-running pool (WildFly's default WorkManager
 * has one) runs it there and it never takes the threads deliveries need.
 */
final class WorkManagerExecutor implements Executor {
    private final WorkManager workManager;
    private final String what;
    private final boolean longRunning;

    private WorkManagerExecutor(WorkManager workManager, String what, boolean longRunning) {
        this.workManager = workManager;
        this.what = what;
        this.longRunning = longRunning;
    }

    /** The core's delivery executor; the core retries a refused delivery and logs it by call (SWB1040). */
    static WorkManagerExecutor forDeliveries(WorkManager workManager) {
        return new WorkManagerExecutor(workManager, "an event delivery", false);
    }

    /** A line provider's short tasks; the provider handles a refusal in its own terms. */
    static WorkManagerExecutor forProviders(WorkManager workManager) {
        return new WorkManagerExecutor(workManager, "a line provider's task", false);
    }

    /**
     * A line provider's long-running work.
     *
     * @param hintsSupported whether the container takes a {@link HintsContext} (a Work carrying a
     *                       context the container does not support would be refused)
     */
    static WorkManagerExecutor forLongRunningProviderWork(WorkManager workManager, boolean hintsSupported) {
        return new WorkManagerExecutor(workManager, "a line provider's long-running work", hintsSupported);
    }

    @Override
    public void execute(Runnable task) {
        try {
            workManager.scheduleWork(longRunning ? new LongRunningWork(task) : new TaskWork(task));
        } catch (WorkException e) {
            throw new RejectedExecutionException("the WorkManager refused " + what + ": " + e.getMessage(), e);
        }
    }

    /** One task: a drain of one call's queue, or a provider's handler. */
    static class TaskWork implements Work {
        private final Runnable task;

        TaskWork(Runnable task) {
            this.task = task;
        }

        @Override
        public void run() {
            task.run();
        }

        @Override
        public void release() {
            // A drain or handler ends by itself once its queue is empty; one in progress is not cut short.
            // Long-running provider work ends when the provider stops, which the adapter's stop does
            // before the container takes the WorkManager down.
        }
    }

    /** A task the container should run on its long-running threads. */
    static final class LongRunningWork extends TaskWork implements WorkContextProvider {
        LongRunningWork(Runnable task) {
            super(task);
        }

        @Override
        public List<WorkContext> getWorkContexts() {
            HintsContext hints = new HintsContext();
            hints.setName("switchboard line provider");
            hints.setHint(HintsContext.LONGRUNNING_HINT, Boolean.TRUE);
            return List.of(hints);
        }
    }
}

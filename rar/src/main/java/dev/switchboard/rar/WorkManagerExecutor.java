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
 * An {@link Executor} over the container's WorkManager for a line provider's work that lasts as
 * long as the provider (the media engine's reader and pacing threads): each task becomes one
 * {@link Work}, handed over with {@code scheduleWork} and marked long-running with the Connectors
 * {@link HintsContext}, so a container with a long-running pool (WildFly's default WorkManager has
 * one) runs it there and it never takes the threads deliveries need. Such work is handed over a
 * few times when the provider starts, never from a WorkManager thread under load. Short tasks
 * (deliveries, a provider's handlers) go through {@link QueuedWorkExecutor} instead, which never
 * waits for the WorkManager.
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

    /** One task, run once. */
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

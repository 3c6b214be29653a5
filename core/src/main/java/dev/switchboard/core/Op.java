package dev.switchboard.core;

/**
 * One application operation on one call, as a decision on a model. The same operation runs
 * live, on a transaction's copy when staged, and again on the live model at commit.
 */
@FunctionalInterface
interface Op<R> {
    R apply(CallModel model, App actor, Effects fx);
}

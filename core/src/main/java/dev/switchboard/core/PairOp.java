package dev.switchboard.core;

/** {@link Op} over two calls (a bridge, R31), decided on both models under both locks. */
@FunctionalInterface
interface PairOp<R> {
    R apply(CallModel a, CallModel b, App actor, Effects fxa, Effects fxb);
}

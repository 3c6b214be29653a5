package dev.switchboard.core;

import dev.switchboard.api.event.TransferResultEvent;

/** A redirect or blind transfer asked of the line provider, waiting for its result (R29). */
record Transfer(String id, TransferResultEvent.Kind kind, Handle starter, String destination) {
}

package dev.switchboard.sip.rtp;

import java.util.ArrayList;
import java.util.List;

/** Keeps every ending it is told, so a test can check there was exactly one. */
final class Completions implements Completion {

    private final List<Ending> endings = new ArrayList<>();

    @Override
    public synchronized void ended(Ending ending) {
        endings.add(ending);
    }

    synchronized List<Ending> endings() {
        return List.copyOf(endings);
    }
}

package dev.switchboard.sip.rtp;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The engine's one pacing task: on every tick of the shared timer it gives each stream its tick,
 * and each stream sends when its packet time has come. One timer for every call, so the number of
 * threads does not grow with calls; a stream that fails does not stop the others.
 */
final class Pacer implements Runnable {

    private final Set<RtpStream> streams = ConcurrentHashMap.newKeySet();

    void add(RtpStream stream) {
        streams.add(stream);
    }

    void remove(RtpStream stream) {
        streams.remove(stream);
    }

    void forEach(java.util.function.Consumer<RtpStream> action) {
        streams.forEach(action);
    }

    int size() {
        return streams.size();
    }

    @Override
    public void run() {
        for (RtpStream s : streams) {
            try {
                s.onTick();
            } catch (RuntimeException e) {
                MediaLog.tickFailed(s.name(), e);
            }
        }
    }
}

package dev.switchboard.sip.rtp;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/**
 * Every operator-facing message of the media engine, each with a stable id (SWB31xx). Bad packets
 * and failed sends are per-packet events: they are logged at DEBUG, except the first failed send of
 * a stream, which says once at WARNING that its peer cannot be reached.
 */
final class MediaLog {
    private static final Logger LOG = System.getLogger("dev.switchboard.sip.rtp");

    private MediaLog() {
    }

    static void badPacket(String stream, String reason) {
        LOG.log(Level.DEBUG, "SWB3101: {0}: RTP packet dropped: {1}", stream, reason);
    }

    static void sendFailed(String stream, Object remote, Exception e, boolean first) {
        LOG.log(first ? Level.WARNING : Level.DEBUG, "SWB3102: {0}: cannot send RTP to {1}: {2}{3}",
                stream, remote, e, first ? " (further failures of this stream are logged at DEBUG)" : "");
    }

    static void consumerFailed(String stream, Throwable e) {
        LOG.log(Level.ERROR, "SWB3103: " + stream + ": the media consumer failed on a packet; the stream goes on", e);
    }

    static void tickFailed(String stream, Throwable e) {
        LOG.log(Level.ERROR, "SWB3104: " + stream + ": pacing failed; the stream's other ticks go on", e);
    }

    static void recordingFailed(String stream, Object file, Throwable e) {
        LOG.log(Level.WARNING, "SWB3105: " + stream + ": recording " + file + " could not be written: " + e);
    }

    static void ioLoopFailed(String thread, Throwable e) {
        LOG.log(Level.ERROR, "SWB3106: RTP I/O loop " + thread + " stopped: calls it served receive nothing more", e);
    }

    static void pacingInterrupted(String thread) {
        LOG.log(Level.ERROR, "SWB3108: RTP pacing loop {0} was interrupted and stopped: calls send no more RTP until"
                + " the provider starts again", thread);
    }

    static void latched(String stream, Object source, Object signalled) {
        LOG.log(Level.DEBUG, "SWB3107: {0}: sending RTP to {1}, where it comes from (SDP said {2})",
                stream, source, signalled);
    }
}

package dev.switchboard.sip.rtp;

/**
 * What a stream sends while something plays: one packet per tick. Called only by the pacing thread.
 */
interface Output {

    /**
     * Fills this tick's packet.
     *
     * @return false when the output is over; the frame is then left untouched and the stream sends
     *         silence in its place
     */
    boolean next(Frame frame);
}

package dev.switchboard.sip.provider;

import dev.switchboard.sip.sdp.MediaDescription;
import dev.switchboard.sip.sdp.RtpMap;
import dev.switchboard.sip.sdp.SessionDescription;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Keeps a connected call's audio as it is when the other side re-INVITEs it (hold with sendonly
 * or inactive, resume with sendrecv, a session refresh): the answer keeps the codec the call
 * already uses whenever the new offer still lists it, so the media side never has to switch
 * codecs because a phone reordered its list. The port is the call's own either way.
 */
final class Reoffers {
    private Reoffers() {
    }

    /** The G.711 encoding (PCMU or PCMA) a stream uses: its first G.711 format, as the answer writer picks it. */
    static Optional<String> g711Of(MediaDescription audio) {
        for (String format : audio.formats()) {
            Optional<RtpMap> map = payloadType(format).flatMap(audio::rtpMap);
            if (map.filter(Reoffers::isG711).isPresent()) {
                return Optional.of(map.get().encoding());
            }
        }
        return Optional.empty();
    }

    /**
     * {@code offer} with its first active audio stream's formats reordered so that {@code encoding}
     * comes first; unchanged when there is no such stream or it no longer lists the encoding.
     */
    static SessionDescription keepingCodec(SessionDescription offer, String encoding) {
        if (encoding == null) {
            return offer;
        }
        Optional<MediaDescription> audio = offer.firstActive("audio");
        if (audio.isEmpty()) {
            return offer;
        }
        MediaDescription m = audio.get();
        List<String> kept = new ArrayList<>();
        List<String> others = new ArrayList<>();
        for (String format : m.formats()) {
            boolean same = payloadType(format).flatMap(m::rtpMap)
                    .filter(r -> isG711(r) && r.isEncoding(encoding)).isPresent();
            (same ? kept : others).add(format);
        }
        if (kept.isEmpty()) {
            return offer;
        }
        kept.addAll(others);
        MediaDescription reordered = new MediaDescription(m.media(), m.port(), m.protocol(), kept, m.connection(),
                m.rtpMaps(), m.fmtps(), m.attributes());
        List<MediaDescription> media = new ArrayList<>(offer.media());
        media.set(media.indexOf(m), reordered);
        return new SessionDescription(offer.origin(), offer.sessionName(), offer.connection(), offer.timing(),
                offer.attributes(), media);
    }

    private static boolean isG711(RtpMap r) {
        return (r.isEncoding("PCMU") || r.isEncoding("PCMA")) && r.clockRate() == 8000 && r.channels() == 1;
    }

    private static Optional<Integer> payloadType(String format) {
        try {
            return Optional.of(Integer.parseInt(format));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}

package dev.switchboard.sip.media;

import dev.switchboard.api.MediaMode;

/** The two tones of ITU-T T.30 that announce a G3 fax call. */
public enum FaxTone {
    /** Calling tone: the calling fax machine, 1100 Hz, 0.5 s on and 3 s off. */
    CNG(1100.0),
    /** Called-station identification (ANS): the answering fax machine, 2100 Hz for 2.6 to 4 s. */
    CED(2100.0);

    private final double frequencyHz;

    FaxTone(double frequencyHz) {
        this.frequencyHz = frequencyHz;
    }

    public double frequencyHz() {
        return frequencyHz;
    }

    /** The media mode either tone reveals. */
    public MediaMode mediaMode() {
        return MediaMode.G3FAX;
    }
}

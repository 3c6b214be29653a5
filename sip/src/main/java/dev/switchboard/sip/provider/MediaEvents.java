package dev.switchboard.sip.provider;

/** What a call's media stream reports; called on the stream's reader thread. */
interface MediaEvents {
    /** A fax tone (CNG or CED) was heard in the G.711 audio. */
    void faxTone();

    /** An RFC 4733 telephone event began: one key press. */
    void digit(char digit);
}

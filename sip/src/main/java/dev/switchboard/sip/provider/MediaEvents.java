package dev.switchboard.sip.provider;

/** What a call's media stream reports; called by the stream's reader, which hands it to the call's serial executor. */
interface MediaEvents {
    /** A fax tone (CNG or CED) was heard in the G.711 audio. */
    void faxTone();

    /** An RFC 4733 telephone event began: one key press. */
    void digit(char digit);
}

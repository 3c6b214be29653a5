package dev.switchboard.samples;

import java.nio.file.Path;

/**
 * What an administrator sets for the samples, as server system properties, read each time they are
 * needed, so that a change on a running server applies to the next call (WildFly:
 * {@code /system-property=switchboard.samples.operator:add(value="sip:desk@pbx.example.com")}).
 * Every address is in the line's form: on SIP lines a SIP URI; the simulated switch reads it by
 * its user part ({@code busy@...} is busy, {@code noanswer@...} never answers, anything else
 * answers after ringing).
 */
final class SampleSettings {
    /** Where 0 (and a caller who chooses nothing) is transferred to. */
    static final String OPERATOR = "switchboard.samples.operator";
    static final String DEFAULT_OPERATOR = "sip:operator@127.0.0.1:5070";
    /** Whom the agent application calls. */
    static final String AGENT = "switchboard.samples.agent";
    static final String DEFAULT_AGENT = "sip:agent@127.0.0.1:5070";
    /**
     * Where voicemails are recorded. The operator console lists the same directory under the same
     * property and default (its {@code VoicemailFolder}), without depending on the samples.
     */
    static final String VOICEMAIL_DIR = "switchboard.voicemail.dir";
    static final String DEFAULT_VOICEMAIL_DIR_NAME = "switchboard-voicemail";

    private SampleSettings() {
    }

    static String operator() {
        return text(OPERATOR, DEFAULT_OPERATOR);
    }

    static String agent() {
        return text(AGENT, DEFAULT_AGENT);
    }

    /** The configured directory, or {@code switchboard-voicemail} under the server's data directory (else java.io.tmpdir). */
    static Path voicemailDir() {
        String configured = System.getProperty(VOICEMAIL_DIR);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured.trim());
        }
        String data = System.getProperty("jboss.server.data.dir");
        return Path.of(data != null ? data : System.getProperty("java.io.tmpdir"), DEFAULT_VOICEMAIL_DIR_NAME);
    }

    private static String text(String property, String fallback) {
        String value = System.getProperty(property);
        return value == null || value.isBlank() ? fallback : value.trim();
    }
}

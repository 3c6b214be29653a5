package dev.switchboard.sip.provider;

import java.util.List;

/**
 * A request the provider answers with an error: the status, a reason for the log, and headers
 * the response needs (Accept with 415, Retry-After with 503). Checked, because every caller must
 * answer it. No stack trace: it is expected input, not a bug.
 */
final class SipRejection extends Exception {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final transient List<String[]> headers;

    SipRejection(int status, String reason, String[]... headers) {
        super(reason, null, false, false);
        this.status = status;
        this.headers = List.of(headers);
    }

    int status() {
        return status;
    }

    List<String[]> headers() {
        return headers;
    }
}

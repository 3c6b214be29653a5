package dev.switchboard.sip.control;

import java.util.Objects;

/** A user name and its password for Digest authentication. The password never shows in {@link #toString}. */
public record DigestCredentials(String username, String password) {

    public DigestCredentials {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
    }

    @Override
    public String toString() {
        return "DigestCredentials[username=" + username + ", password=(hidden)]";
    }
}

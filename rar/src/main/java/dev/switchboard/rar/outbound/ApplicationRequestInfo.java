package dev.switchboard.rar.outbound;

import jakarta.resource.spi.ConnectionRequestInfo;
import java.util.Objects;

/** What a connection is asked for: the application it acts for. Pooled connections are matched on it. */
public final class ApplicationRequestInfo implements ConnectionRequestInfo {
    private final String application;

    public ApplicationRequestInfo(String application) {
        this.application = Objects.requireNonNull(application, "application");
    }

    public String application() {
        return application;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ApplicationRequestInfo other && other.application.equals(application);
    }

    @Override
    public int hashCode() {
        return application.hashCode();
    }

    @Override
    public String toString() {
        return "ApplicationRequestInfo[" + application + "]";
    }
}

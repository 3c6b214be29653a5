package dev.switchboard.rar;

/**
 * The version of this build of the adapter, written in by the build from the POM
 * (templating-maven-plugin filters this file): annotation values such as
 * {@code @Connector(version)} must be compile-time constants, so a properties file read at run
 * time cannot give it.
 */
public final class Version {
    /** The Maven project version this adapter was built as, for example {@code 0.1.0}. */
    public static final String VERSION = "${project.version}";

    private Version() {
    }
}

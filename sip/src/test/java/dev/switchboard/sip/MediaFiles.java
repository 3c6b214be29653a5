package dev.switchboard.sip;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the tests' captures are. The shared media sit beside the clone (CI lays shared/ next to
 * it), so their absence is a broken checkout and fails; SIPp's pcaps come with the optional
 * Debian package sip-tester, so their absence only skips.
 */
public final class MediaFiles {

    /** Relative to the module directory, which is Surefire's working directory. */
    public static final Path SHARED_MEDIA = Path.of("../../shared/sip/media");
    public static final Path SIP_TESTER = Path.of("/usr/share/sip-tester");

    private MediaFiles() {
    }

    /** A file of shared/sip/media; fails the test, naming the path, when it is missing. */
    public static Path shared(String fileName) {
        Path file = SHARED_MEDIA.resolve(fileName);
        if (!Files.isRegularFile(file)) {
            fail("missing " + file.toAbsolutePath().normalize() + ": the tests expect shared/ beside the "
                    + "clone of main (shared/sip/media from the project's shared folder)");
        }
        return file;
    }

    /** A pcap of SIPp's sip-tester package; skips the test when the package is not installed. */
    public static Path sipTester(String fileName) {
        Path file = SIP_TESTER.resolve(fileName);
        assumeTrue(Files.isRegularFile(file), () -> file + " is absent: install the Debian package sip-tester");
        return file;
    }
}

package dev.switchboard.sip;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the tests' captures are. The fax-tone captures are the module's own test resources
 * (written by tools/make_fax_tones.py), so their absence is a broken checkout and fails; SIPp's
 * pcaps come with the optional Debian package sip-tester, so their absence only skips.
 */
public final class MediaFiles {

    /** Relative to the module directory, which is Surefire's working directory. */
    public static final Path FAX_TONES = Path.of("src/test/resources/media");
    public static final Path SIP_TESTER = Path.of("/usr/share/sip-tester");

    private MediaFiles() {
    }

    /** A capture of src/test/resources/media; fails the test, naming the path, when it is missing. */
    public static Path faxTone(String fileName) {
        Path file = FAX_TONES.resolve(fileName);
        if (!Files.isRegularFile(file)) {
            fail("missing " + file.toAbsolutePath().normalize()
                    + ": re-create the fax-tone captures with python3 tools/make_fax_tones.py");
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

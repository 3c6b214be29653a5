package dev.switchboard.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The WildFly CLI of docs/administrator-guide.md, run as an administrator runs it. Every
 * {@code ```jboss-cli} block of the guide carries a name in the HTML comment just above it
 * ({@code <!-- cli: add-activation -->}); {@link #run} hands that block, exactly as written, to the
 * server's own {@code bin/jboss-cli.sh --connect --file=...}, which stops at the first failing
 * command and exits non-zero. So the guide cannot show a command that the suite does not run.
 */
final class GuideCli {
    /** A named block: the marker comment, then the fenced block on the next line. */
    private static final Pattern NAMED_BLOCK =
            Pattern.compile("<!-- cli: ([a-z0-9-]+) -->\\n```jboss-cli\\n(.*?)\\n```", Pattern.DOTALL);
    private static final Pattern ANY_BLOCK = Pattern.compile("^```jboss-cli$", Pattern.MULTILINE);

    private static final Set<String> RAN = new TreeSet<>();
    /** How long jboss-cli waits for a reloaded server to answer again; the process itself gets a minute more. */
    static final Duration RELOAD_WAIT = Duration.ofMinutes(3);

    private GuideCli() {
    }

    /** The guide, from the failsafe configuration (switchboard.adminGuide). */
    static Path guide() {
        String path = System.getProperty("switchboard.adminGuide");
        if (path == null) {
            throw new IllegalStateException("system property switchboard.adminGuide is not set (arquillian/pom.xml)");
        }
        return Path.of(path);
    }

    /** Every named CLI block of the guide, in the order written; an unnamed or twice-named block is an error. */
    static Map<String, String> blocks() throws IOException {
        String text = Files.readString(guide(), StandardCharsets.UTF_8).replace("\r\n", "\n");
        Map<String, String> blocks = new LinkedHashMap<>();
        Matcher named = NAMED_BLOCK.matcher(text);
        while (named.find()) {
            if (blocks.put(named.group(1), named.group(2)) != null) {
                throw new IllegalStateException(guide() + ": two CLI blocks are named '" + named.group(1) + "'");
            }
        }
        long fences = ANY_BLOCK.matcher(text).results().count();
        if (fences != blocks.size()) {
            throw new IllegalStateException(guide() + " has " + fences + " ```jboss-cli blocks but only "
                    + blocks.size() + " are named by a '<!-- cli: name -->' line just above them: " + blocks.keySet());
        }
        return blocks;
    }

    /**
     * Runs the guide's block {@code name} with the suite server's jboss-cli.sh against its management port,
     * fails the test with the CLI's output unless every command succeeded, and returns that output.
     */
    static String run(String name) throws IOException, InterruptedException {
        String block = blocks().get(name);
        if (block == null) {
            throw new IllegalStateException(guide() + " has no CLI block named '" + name + "'");
        }
        Path workDir = Path.of(System.getProperty("switchboard.it.dir", System.getProperty("java.io.tmpdir")));
        Files.createDirectories(workDir);
        Path script = workDir.resolve("guide-" + name + ".cli");
        Files.writeString(script, block + "\n", StandardCharsets.UTF_8);

        Path jbossHome = Path.of(System.getProperty("jboss.home"));
        String controller = "remote+http://127.0.0.1:" + Integer.getInteger("switchboard.it.managementPort", 10090);
        // --timeout is also how long a block's "reload" waits for the server to come back (jboss-cli's
        // default, 5 s plus one, is less than a reload takes on a loaded machine)
        ProcessBuilder cli = new ProcessBuilder(List.of("bash", jbossHome.resolve("bin/jboss-cli.sh").toString(),
                "--connect", "--controller=" + controller, "--timeout=" + RELOAD_WAIT.toMillis(), "--file=" + script))
                .redirectErrorStream(true);
        cli.environment().put("JAVA_HOME", System.getProperty("java.home"));
        cli.environment().put("JBOSS_HOME", jbossHome.toString());
        Process process = cli.start();
        byte[] out = process.getInputStream().readAllBytes(); // until the CLI exits and closes its output
        if (!process.waitFor(RELOAD_WAIT.toMinutes() + 1, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("jboss-cli.sh did not finish the guide's block '" + name + "' in "
                    + (RELOAD_WAIT.toMinutes() + 1) + " minutes");
        }
        String output = new String(out, StandardCharsets.UTF_8);
        System.out.println("--- guide CLI block '" + name + "':\n" + block + "\n--- jboss-cli.sh said:\n" + output);
        assertEquals(0, process.exitValue(), "jboss-cli.sh --file of the guide's block '" + name + "' failed:\n"
                + block + "\n--- output:\n" + output);
        synchronized (RAN) {
            RAN.add(name);
        }
        return output;
    }

    /** The names of the blocks {@link #run} has run successfully in this JVM. */
    static Set<String> ran() {
        synchronized (RAN) {
            return new TreeSet<>(RAN);
        }
    }
}

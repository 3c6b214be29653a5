package dev.switchboard.it.sip;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.naming.InitialContext;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A real softphone hears the prompt an application plays: Debian's baresip dials line prompt-in,
 * the test application 'sip-prompt' answers and plays a WAV file (a 1000 Hz sine the test writes)
 * and then a 700 Hz tone, and hangs up when the play completes. baresip writes what it heard to a
 * WAV file; the test finds both parts in it, in order (Goertzel over 20 ms windows).
 *
 * <p>On WildFly and Open Liberty, like {@link SipPromptIT}, whose test application and lines it shares.
 */
@ExtendWith(ArquillianExtension.class)
class SoftphoneIT {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Deployment
    static EnterpriseArchive deployment() {
        return SipDeployments.ear(SipCallsIT.SIP_PORT, SipCallsIT.WILDFLY_FACTORY, Map.of(),
                new Class<?>[] {SipPromptApp.class}, SoftphoneIT.class, Sipp.class, Baresip.class);
    }

    @Test
    void aRealSoftphoneHearsThePromptTheApplicationPlaysThenItsTone_R28() throws Exception {
        Baresip.assumeInstalled();
        SipResults results = InitialContext.doLookup("java:app/sip-apps/SipResults");
        writeSine(1000, 1500);
        Set<String> before = results.mediaEnded().keySet();

        Baresip.Heard heard = Baresip.call("sip:prompt-in@127.0.0.1:" + SipCallsIT.SIP_PORT, 10);

        List<Integer> file = Baresip.toneWindows(heard.samples(), 1000);
        List<Integer> tone = Baresip.toneWindows(heard.samples(), 700);
        // 1.5 s of file = 75 windows and 0.6 s of tone = 30; allow a few lost to jitter or the codec
        assertTrue(file.size() >= 60, () -> "the softphone heard the prompt file's 1000 Hz in " + file.size()
                + " of 75 windows (" + heard.seconds() + " s heard); its output:\n" + heard.output());
        assertTrue(tone.size() >= 20, () -> "the softphone heard the tone's 700 Hz in " + tone.size()
                + " of 30 windows; its output:\n" + heard.output());
        assertTrue(file.get(0) < tone.get(0), "the file plays before the tone");
        await().atMost(WAIT).until(() -> results.mediaEnded().size() > before.size());
        Map<String, List<String>> ended = results.mediaEnded();
        ended.keySet().removeAll(before);
        assertEquals(List.of("PLAY DONE"), ended.values().iterator().next(), ended::toString);
    }

    /** The prompt file: a sine of {@code hz} for {@code millis}, 8 kHz 16-bit mono, written by javax.sound.sampled. */
    private static void writeSine(double hz, int millis) throws IOException {
        int n = millis * 8;
        ByteBuffer pcm = ByteBuffer.allocate(2 * n).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            pcm.putShort((short) Math.round(8000 * Math.sin(2 * Math.PI * hz * i / 8000)));
        }
        AudioFormat format = new AudioFormat(8000, 16, 1, true, false);
        Files.deleteIfExists(SipPromptApp.PROMPT);
        AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(pcm.array()), format, n),
                AudioFileFormat.Type.WAVE, SipPromptApp.PROMPT.toFile());
    }
}

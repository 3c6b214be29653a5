package dev.switchboard.sip.media;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.sip.MediaFiles;
import dev.switchboard.sip.pcap.PcapReader;
import dev.switchboard.sip.pcap.UdpDatagram;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The detector on the module's fax-tone captures (src/test/resources/media) and, when installed, on SIPp's speech capture. */
class FaxToneMediaFilesTest {

    /** Reports of one RTP stream, with the time in ms from the first packet's RTP timestamp. */
    private record Report(FaxTone tone, long atMillis) {
    }

    private static List<Report> detectInRtp(List<UdpDatagram> datagrams, G711 law) throws RtpFormatException {
        FaxToneDetector detector = new FaxToneDetector();
        List<Report> reports = new ArrayList<>();
        long first = -1;
        for (UdpDatagram d : datagrams) {
            RtpPacket p = RtpPacket.parse(d.payload());
            assertThat(p.payloadType()).isEqualTo(law.payloadType());
            first = first < 0 ? p.timestamp() : first;
            FaxTone tone = detector.process(p.buffer(), p.payloadOffset(), p.payloadLength(), law);
            if (tone != null) {
                reports.add(new Report(tone, (p.timestamp() - first + p.payloadLength()) / 8));
            }
        }
        return reports;
    }

    @Test
    void cedInTheRawUlawFileIsDetectedAfter400ms() throws Exception {
        byte[] ulaw = Files.readAllBytes(MediaFiles.faxTone("ced_2100hz.ulaw"));
        FaxToneDetector detector = new FaxToneDetector();
        List<Report> reports = new ArrayList<>();
        short[] pcm = new short[160];
        int peak = 0;

        for (int at = 0; at + 160 <= ulaw.length; at += 160) {
            G711.ULAW.decode(ulaw, at, pcm, 0, 160);
            for (short s : pcm) {
                peak = Math.max(peak, Math.abs(s));
            }
            FaxTone tone = detector.process(pcm, 0, 160);
            if (tone != null) {
                reports.add(new Report(tone, (at + 160) / 8));
            }
        }

        assertThat(ulaw).hasSize(8000);
        assertThat(reports).containsExactly(new Report(FaxTone.CED, 400));
        // tools/make_fax_tones.py writes a sine of amplitude 8000; u-law keeps it within its 3 % step.
        assertThat(peak).isBetween(7700, 8300);
    }

    @Test
    void cedCaptureIsDetectedOnce() throws Exception {
        List<UdpDatagram> rtp = PcapReader.readUdp(MediaFiles.faxTone("ced_2100hz.pcap"));

        assertThat(rtp).hasSize(75);
        assertThat(detectInRtp(rtp, G711.ULAW)).containsExactly(new Report(FaxTone.CED, 400));
    }

    @Test
    void cngCaptureIsDetectedOnce() throws Exception {
        List<UdpDatagram> rtp = PcapReader.readUdp(MediaFiles.faxTone("cng_1100hz.pcap"));

        assertThat(detectInRtp(rtp, G711.ULAW)).containsExactly(new Report(FaxTone.CNG, 400));
    }

    @Test
    void speechInSipTestersAlawCaptureIsNotAFaxTone() throws Exception {
        List<UdpDatagram> rtp = PcapReader.readUdp(MediaFiles.sipTester("g711a.pcap"));

        assertThat(rtp).hasSizeGreaterThan(200);
        assertThat(loudFrames(rtp, G711.ALAW)).as("frames of real speech, above -24 dBm0").isGreaterThan(100);
        assertThat(detectInRtp(rtp, G711.ALAW)).isEmpty();
    }

    private static int loudFrames(List<UdpDatagram> datagrams, G711 law) throws RtpFormatException {
        int loud = 0;
        for (UdpDatagram d : datagrams) {
            RtpPacket p = RtpPacket.parse(d.payload());
            double sum = 0;
            for (int i = 0; i < p.payloadLength(); i++) {
                double v = law.toLinear(p.buffer()[p.payloadOffset() + i]);
                sum += v * v;
            }
            loud += Math.sqrt(sum / p.payloadLength()) > 1000 ? 1 : 0;
        }
        return loud;
    }
}

package dev.switchboard.sip.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class G711Test {

    /** Values of the reference decoders (Sun's g711.c, as in Python's audioop). */
    @ParameterizedTest(name = "u-law 0x{0} = {1}")
    @CsvSource({"00,-32124", "01,-31100", "0F,-16764", "10,-15996", "3F,-1980", "55,-716", "7E,-8", "7F,0",
            "80,32124", "8F,16764", "AA,5372", "D5,716", "F0,120", "FE,8", "FF,0", "2A,-5372"})
    void ulawDecodesToReferenceValues(String code, short linear) {
        assertThat(G711.ULAW.toLinear((byte) Integer.parseInt(code, 16))).isEqualTo(linear);
    }

    @ParameterizedTest(name = "A-law 0x{0} = {1}")
    @CsvSource({"00,-5504", "01,-5248", "0F,-6784", "10,-2752", "3F,-13568", "55,-8", "7E,-880", "7F,-848",
            "80,5504", "8F,6784", "AA,32256", "D5,8", "F0,688", "FE,880", "FF,848", "2A,-32256"})
    void alawDecodesToReferenceValues(String code, short linear) {
        assertThat(G711.ALAW.toLinear((byte) Integer.parseInt(code, 16))).isEqualTo(linear);
    }

    /** Checksums of the full 256-entry reference tables: sum of |v| and sum of code*v. */
    @Test
    void wholeTablesMatchTheReference() {
        assertThat(checksums(G711.ULAW)).containsExactly(1_532_928L, 98_107_392L);
        assertThat(checksums(G711.ALAW)).containsExactly(1_564_672L, 100_139_008L);
    }

    @Test
    void signBitMirrorsTheValueAndMagnitudeGrowsWithTheCode() {
        for (G711 law : G711.values()) {
            int previous = -1;
            // u-law magnitudes grow as the inverted code falls; A-law's as the code XOR 0x55 grows.
            for (int step = 0; step < 128; step++) {
                int code = law == G711.ULAW ? 0xFF - step : (step ^ 0x55) | 0x80;
                int value = law.toLinear((byte) code);
                assertThat(law.toLinear((byte) (code ^ 0x80))).isEqualTo((short) (value == 0 ? 0 : -value));
                assertThat(value).isGreaterThan(previous);
                previous = value;
            }
        }
    }

    @Test
    void decodeFillsTheTargetRangeOnly() {
        byte[] codes = {(byte) 0x00, (byte) 0xFF, (byte) 0x80, (byte) 0xD5};
        short[] out = new short[6];
        Arrays.fill(out, (short) 7);

        G711.ULAW.decode(codes, 1, out, 2, 3);

        assertThat(out).containsExactly(7, 7, 0, 32124, 716, 7);
    }

    @Test
    void lawsAreFoundByTheirSdpEncodingName() {
        assertThat(G711.forEncoding("pcmu")).contains(G711.ULAW);
        assertThat(G711.forEncoding("PCMA")).contains(G711.ALAW);
        assertThat(G711.forEncoding("G729")).isEmpty();
        assertThat(G711.ALAW.payloadType()).isEqualTo(8);
    }

    private static long[] checksums(G711 law) {
        long abs = 0;
        long weighted = 0;
        for (int code = 0; code < 256; code++) {
            int v = law.toLinear((byte) code);
            abs += Math.abs(v);
            weighted += (long) code * v;
        }
        return new long[] {abs, weighted};
    }
}

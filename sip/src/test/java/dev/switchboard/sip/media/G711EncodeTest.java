package dev.switchboard.sip.media;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class G711EncodeTest {

    @ParameterizedTest
    @EnumSource(G711.class)
    void everyCodeEncodesBackToItself(G711 law) {
        for (int code = 0; code < 256; code++) {
            if (law == G711.ULAW && code == 0x7F) {
                continue; // µ-law's negative zero: zero encodes as the positive one, 0xFF
            }
            assertThat(law.encode(law.toLinear((byte) code)) & 0xFF).as("code 0x%02X", code).isEqualTo(code);
        }
    }

    /** The quantisation error stays within half a step of the segment a value falls in. */
    @ParameterizedTest
    @EnumSource(G711.class)
    void encodingThenDecodingStaysWithinHalfAStep(G711 law) {
        for (int x = Short.MIN_VALUE; x <= Short.MAX_VALUE; x += 7) {
            int decoded = law.toLinear(law.encode((short) x));
            int step = law == G711.ULAW ? ulawStep(Math.abs(x)) : alawStep(Math.abs(x));
            assertThat(Math.abs(decoded - x)).as("%d decoded as %d", x, decoded).isLessThanOrEqualTo(step);
        }
    }

    @Test
    void silenceIsTheIdleCodeOfEachLaw() {
        assertThat(G711.ULAW.silence()).isEqualTo((byte) 0xFF);
        assertThat(G711.ALAW.silence()).isEqualTo((byte) 0xD5);
    }

    @Test
    void transcodingKeepsTheValueWithinTheCoarserStep() {
        byte[] toAlaw = G711.ULAW.transcodeTo(G711.ALAW);
        for (int code = 0; code < 256; code++) {
            int u = G711.ULAW.toLinear((byte) code);
            int a = G711.ALAW.toLinear(toAlaw[code]);
            assertThat(Math.abs(a - u)).isLessThanOrEqualTo(Math.max(ulawStep(Math.abs(u)), alawStep(Math.abs(u))));
        }
        assertThat(toAlaw[0xFF]).isEqualTo(G711.ALAW.silence());
        assertThat(G711.ALAW.transcodeTo(G711.ULAW)[0xD5] & 0xFF).isIn(0xFF, 0xFE); // A-law's ±8 is µ-law's ±8 or 0
    }

    private static int ulawStep(int magnitude) {
        return Math.max(8, Integer.highestOneBit(magnitude + 0x84) >> 4) + 4; // clipping at 32635 adds a little
    }

    private static int alawStep(int magnitude) {
        return Math.max(16, Integer.highestOneBit(magnitude) >> 4);
    }
}

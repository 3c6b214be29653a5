package dev.switchboard.sip.media;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How the media fuzz tests carry a sequence of datagrams in one fuzzer input: each datagram is a
 * 2-byte big-endian length followed by that many bytes, and a last record cut short takes what is
 * left. Plain enough to write a seed by hand, and the fuzzer can grow, split or repeat records.
 */
final class Datagrams {

    private Datagrams() {
    }

    static List<byte[]> split(byte[] input) {
        List<byte[]> datagrams = new ArrayList<>();
        int at = 0;
        while (at + 2 <= input.length) {
            int length = ((input[at] & 0xFF) << 8) | (input[at + 1] & 0xFF);
            int end = Math.min(input.length, at + 2 + length);
            datagrams.add(Arrays.copyOfRange(input, at + 2, end));
            at = end;
        }
        return datagrams;
    }

    static byte[] join(List<byte[]> datagrams) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] d : datagrams) {
            if (d.length > 0xFFFF) {
                throw new IllegalArgumentException("a datagram of " + d.length + " bytes does not fit the 2-byte length");
            }
            out.write(d.length >> 8);
            out.write(d.length);
            out.writeBytes(d);
        }
        return out.toByteArray();
    }
}

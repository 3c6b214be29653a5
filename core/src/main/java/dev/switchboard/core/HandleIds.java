package dev.switchboard.core;

import dev.switchboard.api.CallHandle;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Makes call handles: 128 bits from a SecureRandom, so that a handle cannot be guessed from
 * another. Random bytes are drawn in blocks because asking SecureRandom for 16 bytes at a
 * time would cost more than offering the call itself.
 *
 * <p>The generator is the JDK's NIST SP 800-90A DRBG where available. On Linux the default
 * SecureRandom (NativePRNG) mixes /dev/urandom with SHA1PRNG and is about four times slower
 * (some 180 ns against 50 ns per handle, see docs/performance.md); with four handles per offered
 * call that was a quarter of the cost of offering it. Where no DRBG is available the default
 * SecureRandom is used.
 */
final class HandleIds {
    private static final int ID_BYTES = 16;
    private static final int BLOCK = ID_BYTES * 256;

    private final SecureRandom random = newRandom();
    private final Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
    private final byte[] block = new byte[BLOCK];
    private int next = BLOCK;

    synchronized CallHandle next() {
        if (next == BLOCK) {
            random.nextBytes(block);
            next = 0;
        }
        byte[] id = new byte[ID_BYTES];
        System.arraycopy(block, next, id, 0, ID_BYTES);
        next += ID_BYTES;
        return CallHandle.of(encoder.encodeToString(id));
    }

    private static SecureRandom newRandom() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            return new SecureRandom();
        }
    }
}

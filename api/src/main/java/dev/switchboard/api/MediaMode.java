package dev.switchboard.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A call's media mode, with the bit values of TAPI's LINEMEDIAMODE_ constants.
 *
 * <p>The bit values are kept so that anyone who knows TAPI can read a mask in a log, and
 * so that masks can be stored and compared as plain integers.
 */
public enum MediaMode {
    UNKNOWN(0x2),
    INTERACTIVEVOICE(0x4),
    AUTOMATEDVOICE(0x8),
    DATAMODEM(0x10),
    G3FAX(0x20),
    TDD(0x40),
    G4FAX(0x80),
    DIGITALDATA(0x100),
    TELETEX(0x200),
    VIDEOTEX(0x400),
    TELEX(0x800),
    MIXED(0x1000),
    ADSI(0x2000),
    VOICEVIEW(0x4000),
    VIDEO(0x8000);

    /** Every bit that names a media mode; anything outside it is not a media mode. */
    public static final int ALL_BITS = 0xFFFE;

    private static final MediaMode[] VALUES = values();

    /**
     * The order in which candidate modes of an UNKNOWN call are probed (R6): the TAPI default
     * order first, then the modes it does not name.
     */
    private static final List<MediaMode> PROBE_ORDER = List.of(
            INTERACTIVEVOICE, DATAMODEM, G3FAX, TDD, G4FAX, DIGITALDATA, TELETEX, VIDEOTEX,
            TELEX, MIXED, ADSI, AUTOMATEDVOICE, VOICEVIEW, VIDEO);

    private final int bit;

    MediaMode(int bit) {
        this.bit = bit;
    }

    /** The TAPI bit value of this mode. */
    public int bit() {
        return bit;
    }

    /** Whether {@code mask} has this mode's bit set. */
    public boolean in(int mask) {
        return (mask & bit) != 0;
    }

    /** The mode whose bit is exactly {@code bit}; throws when it is not exactly one known bit. */
    public static MediaMode ofBit(int bit) {
        for (MediaMode m : VALUES) {
            if (m.bit == bit) {
                return m;
            }
        }
        throw new IllegalArgumentException("not exactly one media-mode bit: 0x" + Integer.toHexString(bit));
    }

    /** Whether {@code mask} names exactly one known media mode. */
    public static boolean isSingleMode(int mask) {
        return mask != 0 && (mask & ~ALL_BITS) == 0 && Integer.bitCount(mask) == 1;
    }

    /** Whether {@code mask} is non-empty and uses only known media-mode bits. */
    public static boolean isValidMask(int mask) {
        return mask != 0 && (mask & ~ALL_BITS) == 0;
    }

    /** The OR of the given modes' bits. */
    public static int mask(MediaMode... modes) {
        int mask = 0;
        for (MediaMode m : modes) {
            mask |= m.bit;
        }
        return mask;
    }

    /** The OR of the given modes' bits. */
    public static int mask(Set<MediaMode> modes) {
        int mask = 0;
        for (MediaMode m : modes) {
            mask |= m.bit;
        }
        return mask;
    }

    /** The modes whose bits are set in {@code mask}, in bit order. */
    public static Set<MediaMode> setOf(int mask) {
        EnumSet<MediaMode> set = EnumSet.noneOf(MediaMode.class);
        for (MediaMode m : VALUES) {
            if (m.in(mask)) {
                set.add(m);
            }
        }
        return set;
    }

    /** The modes set in {@code mask}, other than UNKNOWN, in the probing order of R6. */
    public static List<MediaMode> probeOrder(int mask) {
        List<MediaMode> order = new ArrayList<>();
        for (MediaMode m : PROBE_ORDER) {
            if (m.in(mask)) {
                order.add(m);
            }
        }
        return Collections.unmodifiableList(order);
    }

    /** Parses a mode name, case-insensitively, naming the bad value when it is not one. */
    public static MediaMode parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown media mode '" + name + "'; expected one of "
                    + List.of(VALUES), e);
        }
    }

    /** A readable form of a mask, such as {@code UNKNOWN|G3FAX (0x22)}. */
    public static String describe(int mask) {
        StringBuilder sb = new StringBuilder();
        for (MediaMode m : VALUES) {
            if (m.in(mask)) {
                if (sb.length() > 0) {
                    sb.append('|');
                }
                sb.append(m.name());
            }
        }
        if (sb.length() == 0) {
            sb.append("NONE");
        }
        return sb.append(" (0x").append(Integer.toHexString(mask)).append(')').toString();
    }
}

package org.luoshi.task.importing;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.util.Arrays;

/**
 * The double-byte part of GBK as a table: lead bytes 0x81–0xFE, trail bytes 0x40–0xFE. A pair is valid when the
 * JDK's GBK decoder maps it to a character outside the private use area (the user-defined areas decode to PUA
 * characters, which the documents never contain).
 */
final class GbkTable {

    static final int FIRST_LEAD = 0x81;
    static final int LAST_BYTE = 0xFE;
    static final int FIRST_TRAIL = 0x40;

    private static final int TRAILS = LAST_BYTE - FIRST_TRAIL + 1;
    private static final char[] DECODED = new char[(LAST_BYTE - FIRST_LEAD + 1) * TRAILS];
    private static final int[] ENCODED = new int[Character.MAX_VALUE + 1];

    static {
        Arrays.fill(ENCODED, -1);
        CharsetDecoder decoder = Charset.forName("GBK").newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        for (int lead = FIRST_LEAD; lead <= LAST_BYTE; lead++) {
            for (int trail = FIRST_TRAIL; trail <= LAST_BYTE; trail++) {
                if (trail == 0x7F) {
                    continue;
                }
                char c = decodeStrictly(decoder, lead, trail);
                if (c != 0 && !(c >= '\uE000' && c <= '\uF8FF')) {
                    DECODED[index(lead, trail)] = c;
                    if (ENCODED[c] < 0) {
                        ENCODED[c] = (lead << 8) | trail;
                    }
                }
            }
        }
    }

    private GbkTable() {
    }

    /** The character of a pair, or 0 when GBK does not define it. */
    static char decode(int lead, int trail) {
        if (lead < FIRST_LEAD || lead > LAST_BYTE || trail < FIRST_TRAIL || trail > LAST_BYTE) {
            return 0;
        }
        return DECODED[index(lead, trail)];
    }

    static boolean isValid(int lead, int trail) {
        return decode(lead, trail) != 0;
    }

    /** The two bytes of a character as {@code lead << 8 | trail}, or -1 when it has no double-byte GBK form. */
    static int encode(char c) {
        return ENCODED[c];
    }

    static int lead(int code) {
        return code >> 8;
    }

    static int trail(int code) {
        return code & 0xFF;
    }

    private static int index(int lead, int trail) {
        return (lead - FIRST_LEAD) * TRAILS + (trail - FIRST_TRAIL);
    }

    private static char decodeStrictly(CharsetDecoder decoder, int lead, int trail) {
        try {
            CharBuffer chars = decoder.reset().decode(ByteBuffer.wrap(new byte[] {(byte) lead, (byte) trail}));
            return chars.length() == 1 ? chars.charAt(0) : 0;
        } catch (CharacterCodingException e) {
            return 0;
        }
    }
}

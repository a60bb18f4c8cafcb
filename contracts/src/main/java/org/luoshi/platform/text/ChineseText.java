package org.luoshi.platform.text;

import com.github.houbb.opencc4j.util.ZhConverterUtil;
import java.text.Normalizer;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The normalized simplified form of Chinese text that Luoshi compares and stores beside the source text:
 * full-width ASCII folded, traditional characters converted (OpenCC dictionaries), spaces between CJK
 * characters removed, and character variants that are never intended (囯 for 国) replaced.
 */
public final class ChineseText {

    private static final Pattern SPACE_BETWEEN_CJK = Pattern.compile("(?<=[\\p{IsHan}\\p{InCJK_Symbols_and_Punctuation}（）〔〕])[\\s\\u3000]+(?=[\\p{IsHan}\\p{InCJK_Symbols_and_Punctuation}（）〔〕\\d])"
            + "|(?<=[\\p{IsHan}\\d])[\\s\\u3000]+(?=[\\p{IsHan}（）〔〕])");
    /** OCR spaces out single digits (2 0 1 8); digit groups (1000 2000) are left alone: they may be a lost range. */
    private static final Pattern SPACE_BETWEEN_SINGLE_DIGITS = Pattern.compile(
            "(?<=(?:^|[\\s\\p{IsHan}〔〕（）()])\\d)[ \\u3000]+(?=\\d(?:[\\s\\p{IsHan}〔〕（）()]|$))");
    private static final Pattern ANY_SPACE = Pattern.compile("[\\s\\u3000]+");
    /** Variant characters that OCR and old encodings produce where the standard one is meant. */
    private static final Map<Character, Character> VARIANTS = Map.of('囯', '国', '増', '增');
    private static final char HAN_FROM = '\u2E80';
    private static final String ASCII_PUNCTUATION = ",;:()";
    private static final String CHINESE_PUNCTUATION = "，；：（）";
    /** Per-character simplified forms, filled as met (0: not yet known); a race only computes one twice. */
    private static final char[] SIMPLE_CHARS = new char[Character.MAX_VALUE + 1];
    /** The Han script of the basic plane, looked up once: the script lookup is a binary search per character. */
    private static final java.util.BitSet HAN_CHARS = new java.util.BitSet(Character.MAX_VALUE + 1);

    static {
        for (int c = HAN_FROM; c <= Character.MAX_VALUE; c++) {
            if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
                HAN_CHARS.set(c);
            }
        }
    }

    private ChineseText() {
    }

    /**
     * Simplified, NFKC-folded text (enclosed numbers ① ⑴ ⒈ kept) with the spaces between CJK characters removed; other
     * spacing kept.
     */
    public static String simplified(String text) {
        if (text == null) {
            return null;
        }
        String folded = Normalizer.isNormalized(text, Normalizer.Form.NFKC) ? text : folded(text);
        String replaced = replaceVariants(folded);
        String simple = anyConverted(replaced) ? ZhConverterUtil.toSimple(replaced) : replaced;
        if (!hasSpace(simple)) {
            return simple.strip(); // nothing for the two expressions below to remove
        }
        String digitsJoined = SPACE_BETWEEN_SINGLE_DIGITS.matcher(simple).replaceAll("");
        return SPACE_BETWEEN_CJK.matcher(digitsJoined).replaceAll("").strip();
    }

    /**
     * NFKC folding (full-width digits and letters, compatibility ideographs) except of enclosed numbers, which mark
     * list items: folded, {@code ①500家} would read 1500家 and {@code ⒈500家} 1.500家.
     */
    private static String folded(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '\u2460' && c <= '\u24FF') {
                out.append(Normalizer.normalize(text.substring(start, i), Normalizer.Form.NFKC)).append(c);
                start = i + 1;
            }
        }
        return out.append(Normalizer.normalize(text.substring(start), Normalizer.Form.NFKC)).toString();
    }

    /** Loads the OpenCC dictionaries now (they are read at the first conversion, which then takes seconds). */
    public static void preload() {
        simplified("國務院辦公廳關於發展");
    }

    /** Whether the character is of the Han script, as {@code \p{IsHan}} matches it. */
    public static boolean isHan(int codePoint) {
        return codePoint <= Character.MAX_VALUE ? HAN_CHARS.get(codePoint)
                : Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
    }

    private static boolean hasSpace(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || c == '\u3000') {
                return true;
            }
        }
        return false;
    }

    /** The text without any whitespace, the ideographic space included. */
    public static String withoutSpaces(String text) {
        return ANY_SPACE.matcher(text).replaceAll("");
    }

    /**
     * A key for comparing names: the simplified form without any spaces and with every kind of bracket
     * (（）()〔〕[]【】) written as ASCII parentheses, so 各市〔州〕 and 各市（州） compare equal.
     */
    public static String nameKey(String name) {
        String simple = simplified(name);
        if (simple == null) {
            return null;
        }
        StringBuilder key = new StringBuilder(simple.length());
        withoutSpaces(simple).chars().forEach(c -> key.append(switch (c) {
            case '〔', '[', '【', '［' -> '(';
            case '〕', ']', '】', '］' -> ')';
            default -> (char) c;
        }));
        return key.toString();
    }

    /**
     * Whether any character of the text has a simplified form other than itself. Text without one is already
     * simplified: converting it (segmenting it into phrases first) would change nothing, so it is skipped.
     */
    private static boolean anyConverted(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isSurrogate(c)) {
                return true;
            }
            if (HAN_CHARS.get(c) && simplifiedChar(c) != c) {
                return true;
            }
        }
        return false;
    }

    /** One character's simplified form (itself when it has none, or several), computed once. */
    public static char simplifiedChar(char c) {
        char known = SIMPLE_CHARS[c];
        if (known != 0) {
            return known;
        }
        String simple = ZhConverterUtil.toSimple(String.valueOf(c));
        char result = simple.length() == 1 ? simple.charAt(0) : c;
        SIMPLE_CHARS[c] = result;
        return result;
    }

    /**
     * Chinese text as people read it: the ASCII {@code , ; : ( )} that NFKC folding (or the writer) put where the text
     * is Chinese — touching a Han character or Chinese punctuation — written as {@code ，；：（）} again; a pair of
     * parentheses changes together. Numbers and Latin text keep theirs (1,000; 10:30; (a)); a question mark is left
     * alone, since in damaged text it marks a loss.
     */
    public static String withChinesePunctuation(String text) {
        if (text == null) {
            return null;
        }
        int[] partner = text.indexOf('(') < 0 ? null : partners(text);
        char[] out = null;
        for (int i = 0; i < text.length(); i++) {
            int ascii = ASCII_PUNCTUATION.indexOf(text.charAt(i));
            if (ascii < 0) {
                continue;
            }
            boolean pairedWithChinese = partner != null && partner[i] >= 0 && touchesChinese(text, partner[i]);
            if (touchesChinese(text, i) || pairedWithChinese) {
                if (out == null) {
                    out = text.toCharArray();
                }
                out[i] = CHINESE_PUNCTUATION.charAt(ascii);
            }
        }
        return out == null ? text : new String(out);
    }

    /** For each parenthesis the index of the one it pairs with, -1 for the others. */
    private static int[] partners(String text) {
        int[] partner = new int[text.length()];
        Arrays.fill(partner, -1);
        Deque<Integer> open = new ArrayDeque<>();
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '(') {
                open.push(i);
            } else if (text.charAt(i) == ')' && !open.isEmpty()) {
                int j = open.pop();
                partner[i] = j;
                partner[j] = i;
            }
        }
        return partner;
    }

    private static boolean touchesChinese(String text, int i) {
        return i > 0 && isChinese(text.charAt(i - 1)) || i + 1 < text.length() && isChinese(text.charAt(i + 1));
    }

    private static boolean isChinese(char c) {
        // ① ⑴ ⒈ enumerate points in Chinese text: 保持100%；③推进… keeps its ；
        return HAN_CHARS.get(c) || "，。；：、（）《》“”‘’〔〕【】".indexOf(c) >= 0 || c >= '\u2460' && c <= '\u249B';
    }

    private static String replaceVariants(String text) {
        if (text.indexOf('囯') < 0 && text.indexOf('増') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        text.chars().forEach(c -> out.append(VARIANTS.getOrDefault((char) c, (char) c)));
        return out.toString();
    }
}

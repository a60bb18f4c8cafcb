package org.luoshi.task.importing;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.luoshi.platform.text.ChineseText;

/**
 * A same-length simplified view of text, for finding keywords (牵头, 责任单位 …) in traditional documents: each Han
 * character is replaced by its simplified form (per character, through {@link ChineseText}); everything else is
 * kept, so an index into the view is an index into the text.
 */
final class HanView {

    private static final Map<Character, Character> SIMPLIFIED = new ConcurrentHashMap<>();

    private HanView() {
    }

    static String of(String text) {
        StringBuilder view = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            view.append(simplified(text.charAt(i)));
        }
        return view.toString();
    }

    private static char simplified(char c) {
        if (Character.UnicodeScript.of(c) != Character.UnicodeScript.HAN) {
            return c;
        }
        return SIMPLIFIED.computeIfAbsent(c, x -> {
            String simple = ChineseText.simplified(String.valueOf(x));
            return simple.length() == 1 ? simple.charAt(0) : x;
        });
    }
}

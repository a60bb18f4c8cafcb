package org.luoshi.task.importing;

import org.luoshi.platform.text.ChineseText;

/**
 * A same-length simplified view of text, for finding keywords (牵头, 责任单位 …) in traditional documents: each Han
 * character is replaced by its simplified form (per character, through {@link ChineseText}); everything else is
 * kept, so an index into the view is an index into the text.
 */
final class HanView {

    private HanView() {
    }

    static String of(String text) {
        char[] view = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char simple = ChineseText.isHan(c) ? ChineseText.simplifiedChar(c) : c;
            if (simple != c) {
                if (view == null) {
                    view = text.toCharArray();
                }
                view[i] = simple;
            }
        }
        return view == null ? text : new String(view);
    }
}

package org.luoshi.task.importing;

import java.util.ArrayList;
import java.util.List;
import org.luoshi.platform.text.ChineseText;

/**
 * A cleaned document as the layout readers see it: its lines, each with a simplified view for keyword matching,
 * and the way back from any stretch to the text as found.
 */
final class CleanDocument {

    /** One line: {@code start}/{@code end} are offsets into the cleaned text. */
    record Line(int number, int start, int end, String text, String view) {
        boolean isBlank() {
            return text.isBlank();
        }
    }

    private final TrackedText text;
    private final String view;
    private final List<Line> lines = new ArrayList<>();

    CleanDocument(TrackedText text) {
        this.text = text;
        this.view = HanView.of(text.text());
        String t = text.text();
        int start = 0;
        int number = 0;
        while (start <= t.length()) {
            int end = t.indexOf('\n', start);
            if (end < 0) {
                end = t.length();
            }
            lines.add(new Line(number++, start, end, t.substring(start, end), view.substring(start, end)));
            start = end + 1;
        }
    }

    List<Line> lines() {
        return lines;
    }

    String text() {
        return text.text();
    }

    String view() {
        return view;
    }

    String text(int from, int to) {
        return text.text().substring(from, to);
    }

    String view(int from, int to) {
        return view.substring(from, to);
    }

    /** The original text behind the cleaned stretch {@code [from, to)}. */
    String source(int from, int to) {
        return text.sourceOfLines(from, to);
    }

    /** What cleaning removed just before the cleaned offset {@code at} (a key-task mark before a sub-item's number). */
    String droppedBefore(int at) {
        return text.droppedBefore(at);
    }

    /**
     * The normalized simplified form the project stores (see {@link ChineseText#simplified}), with Chinese punctuation
     * where the text is Chinese ({@link ChineseText#withChinesePunctuation}).
     */
    static String normalized(String cleaned) {
        if (cleaned == null) {
            return null;
        }
        String simple = ChineseText.simplified(cleaned);
        return simple == null || simple.isBlank() ? null : ChineseText.withChinesePunctuation(simple);
    }
}

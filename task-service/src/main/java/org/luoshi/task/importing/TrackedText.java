package org.luoshi.task.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text being cleaned that remembers, for every character, the stretch of the original text it came from, so that
 * any stretch of the cleaned text can be traced back to the text as found.
 */
final class TrackedText {

    /** A replacement of {@code [start, end)} of the current text. */
    record Edit(int start, int end, String replacement) {
    }

    private final String original;
    private final String text;
    private final int[] starts;
    private final int[] ends;

    private TrackedText(String original, String text, int[] starts, int[] ends) {
        this.original = original;
        this.text = text;
        this.starts = starts;
        this.ends = ends;
    }

    static TrackedText of(String original) {
        int[] starts = new int[original.length()];
        int[] ends = new int[original.length()];
        for (int i = 0; i < original.length(); i++) {
            starts[i] = i;
            ends[i] = i + 1;
        }
        return new TrackedText(original, original, starts, ends);
    }

    String text() {
        return text;
    }

    int length() {
        return text.length();
    }

    /** The original text behind {@code text()[from, to)}. */
    String source(int from, int to) {
        if (to <= from) {
            return "";
        }
        return original.substring(starts[from], ends[to - 1]);
    }

    /** What cleaning removed from the original text just before {@code text()[at]}: between it and the character before. */
    String droppedBefore(int at) {
        int from = at == 0 ? 0 : ends[at - 1];
        int to = at == text.length() ? original.length() : starts[at];
        return from < to ? original.substring(from, to) : "";
    }

    /**
     * As {@link #source}, widened to the whole original line where the range starts or ends a line of the text: what
     * cleaning removed at a line's edge (a key-task mark before a row's number, a tag) is still part of the source.
     */
    String sourceOfLines(int from, int to) {
        if (to <= from) {
            return "";
        }
        int start = starts[from];
        int end = ends[to - 1];
        if (from == 0 || text.charAt(from - 1) == '\n') {
            while (start > 0 && original.charAt(start - 1) != '\n') {
                start--;
            }
        }
        if (to == text.length() || text.charAt(to) == '\n') {
            while (end < original.length() && original.charAt(end) != '\n' && original.charAt(end) != '\r') {
                end++;
            }
        }
        return original.substring(start, end);
    }

    /** Every match replaced; the replacement's characters trace back to the whole matched stretch. */
    TrackedText replaceAll(Pattern pattern, Function<MatchResult, String> replacement) {
        Matcher matcher = pattern.matcher(text);
        List<Edit> edits = new ArrayList<>();
        while (matcher.find()) {
            String with = replacement.apply(matcher.toMatchResult());
            if (!with.contentEquals(text.subSequence(matcher.start(), matcher.end()))) {
                edits.add(new Edit(matcher.start(), matcher.end(), with));
            }
        }
        return apply(edits);
    }

    TrackedText replaceAll(Pattern pattern, String literal) {
        return replaceAll(pattern, m -> literal);
    }

    /** The edits, in text order and not overlapping, applied at once. */
    TrackedText apply(List<Edit> edits) {
        if (edits.isEmpty()) {
            return this;
        }
        StringBuilder out = new StringBuilder(text.length());
        IntList newStarts = new IntList(text.length());
        IntList newEnds = new IntList(text.length());
        int at = 0;
        for (Edit edit : edits) {
            copy(at, edit.start(), out, newStarts, newEnds);
            int from = edit.end() > edit.start() ? starts[edit.start()] : positionAt(edit.start());
            int to = edit.end() > edit.start() ? ends[edit.end() - 1] : from;
            for (int i = 0; i < edit.replacement().length(); i++) {
                out.append(edit.replacement().charAt(i));
                newStarts.add(from);
                newEnds.add(to);
            }
            at = edit.end();
        }
        copy(at, text.length(), out, newStarts, newEnds);
        return new TrackedText(original, out.toString(), newStarts.toArray(), newEnds.toArray());
    }

    private int positionAt(int i) {
        if (i < text.length()) {
            return starts[i];
        }
        return text.isEmpty() ? 0 : ends[text.length() - 1];
    }

    private void copy(int from, int to, StringBuilder out, IntList newStarts, IntList newEnds) {
        for (int i = from; i < to; i++) {
            out.append(text.charAt(i));
            newStarts.add(starts[i]);
            newEnds.add(ends[i]);
        }
    }

    private static final class IntList {
        private int[] values;
        private int size;

        IntList(int capacity) {
            values = new int[Math.max(16, capacity)];
        }

        void add(int value) {
            if (size == values.length) {
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        int[] toArray() {
            return java.util.Arrays.copyOf(values, size);
        }
    }
}

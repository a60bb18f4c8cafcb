package org.luoshi.task.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The numbered paragraphs ({@code 1.…}) and headings ({@code （一）…}) of a document's body, for an annex whose rows
 * give only a short title: the row's detailed content is the body paragraph with the same number (row 3: {@code 3.},
 * else {@code （三）}) whose text starts like the title, else the one paragraph that opens with the whole title.
 */
final class BodyParagraphs {

    /** A body paragraph: {@code contentStart} is where its text after the number begins (cleaned offsets). */
    record Paragraph(String number, int start, int contentStart, int end, String text) {
    }

    private static final Pattern NUMBERED = Pattern.compile("^(\\d{1,3})[.．、](.+)$");
    private static final Pattern HEADING = Pattern.compile("^（([一二三四五六七八九十]{1,3})）(.+)$");
    private static final int MIN_COMMON_PREFIX = 4;

    private final CleanDocument document;
    private final List<Paragraph> numbered = new ArrayList<>();
    private final List<Paragraph> headings = new ArrayList<>();

    BodyParagraphs(CleanDocument document, int beforeLine) {
        this.document = document;
        for (CleanDocument.Line line : document.lines()) {
            if (line.number() >= beforeLine) {
                break;
            }
            Matcher n = NUMBERED.matcher(line.text());
            if (n.matches()) {
                numbered.add(new Paragraph(n.group(1), line.start(), line.start() + n.start(2), line.end(), n.group(2)));
            }
            Matcher h = HEADING.matcher(line.text());
            if (h.matches()) {
                headings.add(new Paragraph(h.group(1), line.start(), line.start() + h.start(2), line.end(), h.group(2)));
            }
        }
    }

    /**
     * The paragraph numbered {@code number} whose text starts most like {@code title}: one numbered so ({@code 3.}),
     * else a heading of that number in Chinese ({@code （三）}), else the one paragraph opening with the whole title.
     */
    Optional<Paragraph> numbered(String number, String title) {
        Optional<Paragraph> found = best(numbered, number, title);
        if (found.isEmpty() && number.matches("[1-9]\\d?")) {
            found = best(headings, ChineseNumerals.of(Integer.parseInt(number)), title);
        }
        return found.or(() -> titled(title));
    }

    /**
     * The one paragraph, whatever its number, whose text opens with the whole title (the body numbering its paragraphs
     * again under each chapter, the annex straight on); none when no paragraph or several do.
     */
    private Optional<Paragraph> titled(String title) {
        String wanted = HanView.of(TaskTexts.trim(title));
        if (wanted.length() < MIN_COMMON_PREFIX) {
            return Optional.empty();
        }
        List<Paragraph> opening = java.util.stream.Stream.concat(numbered.stream(), headings.stream())
                .filter(p -> HanView.of(p.text()).startsWith(wanted)).toList();
        return opening.size() == 1 ? Optional.of(opening.get(0)) : Optional.empty();
    }

    private static Optional<Paragraph> best(List<Paragraph> paragraphs, String number, String title) {
        Paragraph best = null;
        int bestScore = 0;
        for (Paragraph p : paragraphs) {
            if (p.number().equals(number)) {
                int score = commonPrefix(HanView.of(p.text()), HanView.of(title));
                if (best == null || score > bestScore) {
                    best = p;
                    bestScore = score;
                }
            }
        }
        return bestScore >= Math.min(MIN_COMMON_PREFIX, title.length()) ? Optional.ofNullable(best) : Optional.empty();
    }

    /** The heading whose text shares the longest beginning with {@code damaged}, if that is long enough. */
    Optional<String> heading(String damaged) {
        String best = null;
        int bestScore = 0;
        for (Paragraph h : headings) {
            int score = commonPrefix(HanView.of(h.text()), HanView.of(damaged));
            if (score > bestScore) {
                best = h.text();
                bestScore = score;
            }
        }
        return bestScore >= MIN_COMMON_PREFIX ? Optional.of(TaskTexts.trim(best)) : Optional.empty();
    }

    /** The paragraph as found in the source. */
    String source(Paragraph paragraph) {
        return document.source(paragraph.start(), paragraph.end());
    }

    private static int commonPrefix(String a, String b) {
        int n = 0;
        while (n < a.length() && n < b.length() && a.charAt(n) == b.charAt(n)) {
            n++;
        }
        return n;
    }
}

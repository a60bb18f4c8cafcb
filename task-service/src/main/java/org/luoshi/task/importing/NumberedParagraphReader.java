package org.luoshi.task.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a document without a table whose tasks are numbered paragraphs {@code （四）…} under chapter headings
 * {@code 二、…} (the category). A paragraph's units are the parenthesis that closes it when that parenthesis holds
 * role words (负责, 牵头, 参与, 配合, 会同); numbered sub-items {@code 1. 2.} that close with their own units
 * parenthesis become child tasks. A paragraph with no units of its own or of its sub-items (总体要求, 组织实施) is
 * not a task and is reported. A chapter heading that OCR ran onto the end of the previous paragraph
 * ({@code …负责）四、推进…}) is split off first.
 */
final class NumberedParagraphReader {

    private static final String NUMERALS = "一二三四五六七八九十";
    private static final Pattern CHAPTER = Pattern.compile("^([" + NUMERALS + "]{1,3})、(.{2,40})$");
    private static final Pattern EMBEDDED_CHAPTER = Pattern.compile("(?<=[）。])\\s*[" + NUMERALS + "]{1,3}、[^。；]{2,40}$");
    private static final Pattern PARAGRAPH = Pattern.compile("^（([" + NUMERALS + "]{1,4})）");
    private static final Pattern SUB_ITEM = Pattern.compile("(?<=^|[。；）])\\s*(\\d{1,2})\\.(?=\\p{IsHan})");
    private static final Pattern ROLE_WORDS = Pattern.compile("(负责|牵头|参与|配合|会同)");
    private static final Pattern END_OF_BODY = Pattern.compile("^(\\d{4}年\\d{1,2}月\\d{1,2}日|.{2,20}(人民政府|办公厅|办公室)|版权所有.*|抄送.*)$");
    private static final int MIN_PARAGRAPHS = 3;

    /** A stretch of cleaned text. */
    private record Block(int start, int end, String text, String view) {
    }

    /** A numbered paragraph being collected. */
    private static final class Paragraph {
        final String seq;
        final String category;
        final int start;
        int end;

        Paragraph(String seq, String category, int start, int end) {
            this.seq = seq;
            this.category = category;
            this.start = start;
            this.end = end;
        }
    }

    private NumberedParagraphReader() {
    }

    static Optional<List<ParsedTask>> read(CleanDocument document, List<String> warnings) {
        List<Paragraph> paragraphs = paragraphs(document);
        long withUnits = paragraphs.stream().filter(p -> hasUnits(document, p)).count();
        if (withUnits < MIN_PARAGRAPHS) {
            return Optional.empty();
        }
        List<ParsedTask> tasks = new ArrayList<>();
        for (Paragraph p : paragraphs) {
            tasks.addAll(tasks(document, p, warnings));
        }
        return Optional.of(tasks);
    }

    private static boolean hasUnits(CleanDocument document, Paragraph p) {
        String text = document.text(p.start, p.end);
        return pieces(text).stream().anyMatch(piece -> unitsAt(piece.text()).isPresent());
    }

    private static List<Paragraph> paragraphs(CleanDocument document) {
        List<Paragraph> paragraphs = new ArrayList<>();
        String category = null;
        Paragraph open = null;
        for (Block block : blocks(document)) {
            String text = block.text().strip();
            if (text.isEmpty()) {
                continue;
            }
            Matcher chapter = CHAPTER.matcher(text);
            Matcher paragraph = PARAGRAPH.matcher(text);
            if (chapter.matches() && !text.contains("。")) {
                category = TaskTexts.trim(chapter.group(2));
                open = null;
            } else if (paragraph.find()) {
                open = new Paragraph("（" + paragraph.group(1) + "）", category, block.start(), block.end());
                paragraphs.add(open);
            } else if (END_OF_BODY.matcher(text).matches()) {
                open = null;
            } else if (open != null) {
                open.end = block.end();
            }
        }
        return paragraphs;
    }

    /** The document's lines, with chapter headings run onto the end of a line split off as blocks of their own. */
    private static List<Block> blocks(CleanDocument document) {
        List<Block> blocks = new ArrayList<>();
        for (CleanDocument.Line line : document.lines()) {
            Matcher embedded = EMBEDDED_CHAPTER.matcher(line.view());
            if (embedded.find() && embedded.start() > 0) {
                int cut = line.start() + embedded.start();
                blocks.add(new Block(line.start(), cut, document.text(line.start(), cut), document.view(line.start(), cut)));
                blocks.add(new Block(cut, line.end(), document.text(cut, line.end()), document.view(cut, line.end())));
            } else {
                blocks.add(new Block(line.start(), line.end(), line.text(), line.view()));
            }
        }
        return blocks;
    }

    /** A paragraph's head (before its first sub-item) or one sub-item, with offsets relative to the paragraph. */
    private record Piece(String seq, int start, int end, String text) {
    }

    private static List<Piece> pieces(String paragraph) {
        List<Piece> pieces = new ArrayList<>();
        Matcher sub = SUB_ITEM.matcher(paragraph);
        int start = 0;
        String seq = null;
        int expected = 1;
        while (sub.find()) {
            if (Integer.parseInt(sub.group(1)) != expected) {
                continue;
            }
            pieces.add(new Piece(seq, start, sub.start(), paragraph.substring(start, sub.start())));
            seq = sub.group(1) + ".";
            start = sub.start(1);
            expected++;
        }
        pieces.add(new Piece(seq, start, paragraph.length(), paragraph.substring(start)));
        return pieces;
    }

    /** Where the units parenthesis closing the text starts, when it holds role words. */
    private static Optional<Integer> unitsAt(String text) {
        String t = text.stripTrailing();
        if (!t.endsWith("）")) {
            return Optional.empty();
        }
        int depth = 0;
        for (int i = t.length() - 1; i >= 0; i--) {
            char c = t.charAt(i);
            if (c == '）') {
                depth++;
            } else if (c == '（' && --depth == 0) {
                String inside = HanView.of(t.substring(i + 1, t.length() - 1));
                return ROLE_WORDS.matcher(inside).find() ? Optional.of(i) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static List<ParsedTask> tasks(CleanDocument document, Paragraph p, List<String> warnings) {
        String text = document.text(p.start, p.end);
        List<Piece> pieces = pieces(text);
        boolean anyUnits = pieces.stream().anyMatch(piece -> unitsAt(piece.text()).isPresent());
        if (!anyUnits) {
            warnings.add("paragraph " + p.seq + " names no responsible units: not a task ("
                    + TaskTexts.firstSentence(body(text.substring(pieces.get(0).start(), pieces.get(0).end()))) + ")");
            return List.of();
        }
        List<ParsedTask> tasks = new ArrayList<>();
        Piece head = pieces.get(0);
        String headText = body(head.text());
        Optional<Integer> headUnits = unitsAt(headText);
        tasks.add(TaskTexts.task(p.seq, null, p.category, null, withoutUnits(headText, headUnits),
                document.source(p.start, p.end), headUnits.map(u -> headText.substring(u)).orElse(null)));
        for (Piece piece : pieces.subList(1, pieces.size())) {
            String itemText = piece.text().strip().substring(piece.seq().length());
            Optional<Integer> units = unitsAt(itemText);
            if (units.isEmpty()) {
                warnings.add("sub-item " + p.seq + piece.seq() + " names no responsible units of its own");
            }
            tasks.add(TaskTexts.task(piece.seq(), p.seq, p.category, null, withoutUnits(itemText, units),
                    document.source(p.start + piece.start(), p.start + piece.end()).strip(),
                    units.map(itemText::substring).orElse(null)));
        }
        return tasks;
    }

    /** The paragraph text after its number （N）. */
    private static String body(String text) {
        Matcher number = PARAGRAPH.matcher(text.strip());
        return number.find() ? text.strip().substring(number.end()) : text.strip();
    }

    private static String withoutUnits(String text, Optional<Integer> units) {
        return units.map(u -> text.substring(0, u)).orElse(text).strip();
    }
}

package org.luoshi.task.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads a document without a table whose tasks are numbered paragraphs under chapter headings {@code 二、…} (the
 * category). The paragraphs are numbered {@code （四）…}, with numbered sub-items {@code 1. 2.} (or {@code 1、},
 * {@code （1）}, or {@code 2-1.} under paragraph （二）) that become child
 * tasks; a document with too few such paragraphs naming units is read again with paragraphs numbered {@code 1.} and
 * sub-items {@code （1）}. Numbering that starts again under each chapter makes the chapter part of the number
 * ({@code 二.1}).
 *
 * <p>A paragraph's or sub-item's units close it ({@link UnitList}): a bracket ({@code （…） […] 【…】}) whose content
 * is a unit list, a labelled list ({@code 责任单位：…}), also on a line of its own, or a list after a dash; in a
 * document that divides the work by unit, the units open it instead ({@code （一）市教育局：负责……}). A labelled deadline
 * ({@code 完成时限：2021年底前}, on its own line or inside the units' bracket) dates the task as a table's deadline
 * column does. A sub-item without units of its own is carried out by its paragraph's units, with a warning saying so.
 * A paragraph with no units of its own or of its sub-items (总体要求, 组织实施) is not a task and is reported. A
 * chapter heading that OCR ran onto the end of the previous paragraph ({@code …负责）四、推进…}) is split off first.
 * Clauses numbered in words ({@code 一是…（units）；二是…（units）}) are sub-items when two or more of them close with
 * units of their own; otherwise they stay the paragraph's text.
 * Lines between a chapter heading and its first paragraph name persons who lead the chapter's tasks (牵头领导：…, kept
 * in their content) or units for those of its paragraphs that name none (牵头单位：…, with a warning); any other
 * labelled line there is reported as skipped.
 */
final class NumberedParagraphReader {

    /** Chinese numerals as paragraph and chapter numbers: 一 … 九十九, and 一百 … 九百九十九 in long documents. */
    private static final String NUMERALS = "一二三四五六七八九十百零";
    private static final Pattern CHAPTER = Pattern.compile("^([" + NUMERALS + "]{1,3})、(.{2,40})$");
    private static final Pattern EMBEDDED_CHAPTER = Pattern.compile("(?<=[）。\\]】])\\s*[" + NUMERALS + "]{1,3}、[^。；]{2,40}$");
    /** A line that ends the paragraph before it: a date, a signature, the page's footer, or an annex's mention (附件：…). */
    private static final Pattern END_OF_BODY = Pattern.compile("^(" + MetadataExtractor.WRITTEN_DATE
            + "|.{2,20}(人民政府|办公厅|办公室)|版权所有.*|抄送.*|附件\\s*[\\d一二三四五六七八九十]{0,2}(?:[:：].*)?)$");
    private static final Pattern DATE_LINE = MetadataExtractor.DATE_LINE;
    private static final Pattern SIGNATURE = Pattern.compile("^[^。，；：,;:]{2,20}(厅|局|委|办|院|部|会|政府)$");
    /** A person named as lead or contact of a task: 牵头领导, 责任领导, 分管市领导, 责任人, 联系人. */
    private static final String PERSON_LABELS = "(?:牵头|责任|分管|包保|联系)[省市县区]?领导|责任人|联系人";
    /** A line that carries a task's units, deadline or person, never the signature that ends the body. */
    private static final Pattern LABELLED_LINE = Pattern.compile("^(?:(?:" + UnitSplitter.LABELS + "|"
            + TableColumns.DEADLINE_NAMES + "|" + PERSON_LABELS + ")[:：]|" + UnitList.DASH + ")");
    /** A contact line with a telephone number (联系人：王五，电话：…): the document's, whatever paragraph it follows. */
    private static final Pattern DOCUMENT_CONTACT = Pattern.compile("^联系(?:人|电话)[:：].*(?:电话|手机|\\d{7,})");
    /** Where a label of a task's deadline or person may start: after a sentence, a line break, a bracket, a ；or ，. */
    private static final String LABEL_START = "(?:(?<=[。；;\\n（(\\[【])\\s*|[；;，,]\\s*)";
    /** Any label of a task's line: units, deadline, person. */
    private static final String ANY_LABEL = "(?:" + UnitSplitter.LABELS + "|" + TableColumns.DEADLINE_NAMES + "|" + PERSON_LABELS
            + ")[:：]";
    /**
     * The label's value runs to the end of its line, clause or enclosing bracket, or to the next label (牵头领导：李四
     * 牵头单位：…, whose spaces cleaning removed); brackets of its own stay in it.
     */
    private static final String LABEL_VALUE = "[:：]\\s*((?:(?![，,\\s]*" + ANY_LABEL + ")[^；;。\\n（(）)\\]】]"
            + "|[（(][^（(）)\\n]*[）)])+)[。；;]?";
    /** Work written after a deadline's date in its label (2025年6月底前，新增普惠托位500个). */
    private static final Pattern STEP_WORK = Pattern.compile("[，,]\\s*\\p{IsHan}");
    /** A next step's date right after a labelled deadline (…；2025年12月底前，…). */
    private static final Pattern NEXT_STEP = Pattern.compile("^[；;]?\\s*(?:\\d{4}年|\\d{1,2}月)");
    private static final Pattern DEADLINE_LABEL = Pattern.compile(LABEL_START + "(?:" + TableColumns.DEADLINE_NAMES + ")"
            + LABEL_VALUE);
    /** A person's label may also follow a unit's name directly (牵头单位：市政府办公室  责任人：李四, spaces removed). */
    private static final Pattern PERSON_LABEL = Pattern.compile(LABEL_START + "?(" + PERSON_LABELS + ")" + LABEL_VALUE);
    private static final String AFTER_SENTENCE = "(?<=^|[。；：）\\]】\\n])\\s*";
    /** A clause numbered in words, 一是 … 二是 …, after a sentence or clause. */
    private static final Pattern ORDINAL_CLAUSE = Pattern.compile("(?<=^|[。；;：:）)\\n])\\s*([一二三四五六七八九])是");
    private static final int MIN_PARAGRAPHS = 3;
    private static final int MIN_FEW_PARAGRAPHS = 2;
    private static final String SENTENCE_END = "。；;！!？?，,：:";

    /**
     * A numbering level: how a paragraph starts (group 1: its number), how its seq is written, and how its
     * sub-items are marked (group "marker": the whole mark, group 1: the number).
     */
    private record Level(Pattern start, String open, String close, Pattern subItem) {
        String seq(String number) {
            return open + number + close;
        }
    }

    /**
     * What an item's text opens with after its number: Chinese, a quotation or a title (“双师型”, 《方案》), or a date
     * (2.2025年6月底前完成…, 3.12月底前…; never a decimal such as 1.5万人).
     */
    private static final String OPENING_TEXT = "\\p{IsHan}|[“‘「《]|\\d{4}年|\\d{1,2}月";
    private static final String ITEM_TEXT = "(?=" + OPENING_TEXT + ")";
    /**
     * A paragraph's number (group 1): before Chinese, a quotation or a title, or, numbered with one or two digits, before
     * a date; a line wrapped before a date written with a dot (2025.12月底前) is no paragraph 2025.
     */
    private static final Pattern ARABIC_START = Pattern.compile(
            "^(?=\\d{1,4}[.．、]\\s*(?:\\p{IsHan}|[“‘「《])|\\d{1,2}[.．、]\\s*(?:\\d{4}年|\\d{1,2}月))(\\d{1,4})[.．、]");
    // （一）, or a supervision notice's 督办事项一： (事项二：), numbered as （二） is
    private static final Level CHINESE = new Level(Pattern.compile("^(?:（|(?:督办|重点|工作)?事项(?=[" + NUMERALS + "]{1,3}[：:]))(["
            + NUMERALS + "]{1,5})(?:）|[：:])"), "（", "）",
            // 1. 1、 （1）, or 2-1. numbering the parts of paragraph (二)
            Pattern.compile(AFTER_SENTENCE + "(?<marker>(\\d{1,2})[.．、]|（(\\d{1,2})）|\\d{1,2}[-－](?<dashed>\\d{1,2})[.．、]?)"
                    + ITEM_TEXT));
    /**
     * Paragraphs numbered 一、二、 that each close with their units (一、开展安全生产治本攻坚。…（县安监局牵头…）), in a
     * document with no other numbering of tasks: read only when neither （一） nor 1. paragraphs hold them.
     */
    private static final Level TOP = new Level(Pattern.compile("^([" + NUMERALS + "]{1,3})、(?=\\s*\\S)"), "", "",
            Pattern.compile(AFTER_SENTENCE + "(?<marker>(\\d{1,2})[.．、]|（(\\d{1,2})）)" + ITEM_TEXT));
    private static final Level ARABIC = new Level(ARABIC_START, "", "",
            Pattern.compile(AFTER_SENTENCE + "(?<marker>（(\\d{1,2})）)" + ITEM_TEXT));

    /** A stretch of cleaned text. */
    private record Block(int start, int end, String text, String view) {
    }

    /**
     * A chapter heading ({@code 一、…}, its category) and the lines between it and its first paragraph: persons who lead
     * the chapter's tasks (牵头领导：…), and units for those of its paragraphs that name none (牵头单位：…).
     */
    /** The longest title of a section (（一）…) over numbered paragraphs. */
    private static final int SECTION_TITLE = 40;

    private static final class Chapter {
        final String number;
        final String category;
        final List<String> persons = new ArrayList<>();
        Optional<UnitList> units = Optional.empty();

        Chapter(String number, String category) {
            this.number = number;
            this.category = category;
        }
    }

    /** A numbered paragraph being collected. */
    private static final class Paragraph {
        final String number;
        final Chapter chapter;
        final int start;
        int end;
        String seq;

        Paragraph(String number, Chapter chapter, int start, int end) {
            this.number = number;
            this.chapter = chapter;
            this.start = start;
            this.end = end;
        }

        String category() {
            return chapter == null ? null : chapter.category;
        }

        List<String> chapterPersons() {
            return chapter == null ? List.of() : chapter.persons;
        }

        Optional<UnitList> chapterUnits() {
            return chapter == null ? Optional.empty() : chapter.units;
        }
    }

    /** The paragraphs of one numbering level, and the labelled lines outside any paragraph that no task took. */
    private record Layout(List<Paragraph> paragraphs, List<String> strayLines) {
    }

    private NumberedParagraphReader() {
    }

    /**
     * A quick look whether a document's lines outside its tables may hold numbered paragraphs with units (two lines
     * opening a paragraph at any level, and a hint of units on a line outside the tables): a table document's body is
     * read only then.
     */
    static boolean mayHoldTasks(CleanDocument document) {
        int opening = 0;
        boolean hint = false;
        for (CleanDocument.Line line : document.lines()) {
            String view = line.view().strip();
            if (line.text().indexOf('\t') >= 0 || view.isEmpty()) {
                continue;
            }
            if (CHINESE.start().matcher(view).lookingAt() || ARABIC.start().matcher(view).lookingAt()
                    || TOP.start().matcher(view).lookingAt()) {
                opening++;
            }
            hint |= UNITS_HINT.matcher(view).find() || view.endsWith("）") || view.endsWith("）。") || view.endsWith(")");
            if (opening >= MIN_FEW_PARAGRAPHS && hint) {
                return true;
            }
        }
        return false;
    }

    /** Words of units' roles or labels: 牵头, 负责, 责任单位, 主责单位 …. */
    private static final Pattern UNITS_HINT = Pattern.compile("牵头|负责|配合|参与|协办|主办|主责|责任单位|责任部门|落实|指导");

    static Optional<List<ParsedTask>> read(CleanDocument document, List<String> warnings) {
        Reading few = null;
        for (Level level : List.of(CHINESE, ARABIC, TOP)) {
            Reading reading = reading(document, level);
            if (reading.withUnits() >= MIN_PARAGRAPHS) {
                return Optional.of(tasks(document, reading, warnings));
            }
            if (few == null && reading.withUnits() >= MIN_FEW_PARAGRAPHS
                    && reading.withUnits() == reading.layout().paragraphs().size()) {
                few = reading;
            }
        }
        // a short notice's two tasks, each with its units: read when no level has more
        return few == null ? Optional.empty() : Optional.of(tasks(document, few, warnings));
    }

    /**
     * A level's paragraphs with their pieces read (each piece's units looked for once: whether the level holds tasks,
     * and the tasks, both read them), the warnings of units shared between them, and how many name units.
     */
    private record Reading(Level level, Layout layout, List<List<ReadPiece>> read, List<String> sharing, long withUnits) {
    }

    private static Reading reading(CleanDocument document, Level level) {
        Layout layout = paragraphs(document, level);
        List<Paragraph> paragraphs = layout.paragraphs();
        List<List<ReadPiece>> read = new ArrayList<>();
        int continuing = 0;
        for (Paragraph p : paragraphs) {
            List<ReadPiece> pieces = readPieces(document.text(p.start, p.end), level, continuing);
            read.add(pieces);
            // sub-items may be numbered on through the paragraphs (（一）1. 2. （二）3. 4.)
            continuing = pieces.get(pieces.size() - 1).piece().number() + 1;
        }
        List<String> sharing = new ArrayList<>();
        sharedUnits(document, paragraphs, read, sharing);
        long withUnits = 0;
        for (int i = 0; i < paragraphs.size(); i++) {
            withUnits += anyUnits(read.get(i)) || paragraphs.get(i).chapterUnits().isPresent() ? 1 : 0;
        }
        return new Reading(level, layout, read, sharing, withUnits);
    }

    /** The tasks of the level read, with its warnings. */
    private static List<ParsedTask> tasks(CleanDocument document, Reading reading, List<String> warnings) {
        warnings.addAll(reading.sharing());
        reading.layout().strayLines().forEach(line -> warnings.add("skipped a labelled line outside any numbered paragraph,"
                + " whose units or deadline no task takes: " + line));
        List<Paragraph> paragraphs = reading.layout().paragraphs();
        List<ParsedTask> tasks = new ArrayList<>();
        for (int i = 0; i < paragraphs.size(); i++) {
            tasks.addAll(tasks(document, paragraphs.get(i), reading.read().get(i), reading.level(), warnings));
        }
        return tasks;
    }

    /** Units closing a paragraph for the paragraphs above it too: 以上两项由…, 上述3项工作由…. */
    private static final Pattern SHARED_UNITS = Pattern.compile("(?:^|[。；;\\n])\\s*((?:以上|上述)([两二三四五六七八九十]|\\d{1,2})项)");

    /**
     * Units closing a paragraph for it and those above it ({@code 以上两项由市农业农村局牵头…}, the count including the
     * paragraph itself): given to the paragraphs above it that name none, as far as the count goes. Not when the
     * paragraph holds several items itself (sub-items, clauses apart by ；): the count is theirs. The shared units are
     * given as found after the text (a span of no length at its end), which takes nothing out of it.
     */
    private static void sharedUnits(CleanDocument document, List<Paragraph> paragraphs, List<List<ReadPiece>> read,
            List<String> warnings) {
        for (int i = 1; i < paragraphs.size(); i++) {
            List<ReadPiece> pieces = read.get(i);
            Optional<UnitList> units = pieces.get(pieces.size() - 1).units();
            if (units.isEmpty()) {
                continue;
            }
            String paragraph = document.view(paragraphs.get(i).start, paragraphs.get(i).end);
            Matcher shared = SHARED_UNITS.matcher(paragraph);
            if (pieces.size() > 1 || !shared.find() || paragraph.substring(0, shared.start()).indexOf('；') >= 0) {
                continue;
            }
            String written = shared.group(2);
            int count = Character.isDigit(written.charAt(0)) ? Integer.parseInt(written)
                    : written.equals("两") ? 2 : ChineseNumerals.value(written);
            // as many sentences of work after its heading as the count: the items are the paragraph's own
            long sentences = Stream.of(paragraph.substring(0, shared.start()).split("。")).filter(t -> !t.isBlank()).count();
            if (sentences - 1 >= count) {
                continue;
            }
            for (int j = i - 1; j >= 0 && j > i - count; j--) {
                List<ReadPiece> above = read.get(j);
                if (above.size() != 1 || above.get(0).units().isPresent()) {
                    break;
                }
                ReadPiece head = above.get(0);
                int end = head.text().text().length(); // nothing of its own text is units
                read.set(j, List.of(new ReadPiece(head.piece(), head.text(),
                        Optional.of(new UnitList(end, end, units.get().units(), units.get().deadline())))));
                warnings.add("paragraph " + paragraphs.get(j).seq + " takes the units of \"" + shared.group(1)
                        + "…\" in paragraph " + paragraphs.get(i).seq);
            }
        }
    }

    /** A piece with its text after the number, without labelled deadline and persons, and the units found in it. */
    private record ReadPiece(Piece piece, Labelled text, Optional<UnitList> units) {
    }

    private static List<ReadPiece> readPieces(String paragraph, Level level, int continuing) {
        List<ReadPiece> read = read(pieces(paragraph, level, continuing), level);
        if (read.size() == 1 && paragraph.indexOf("二是") > 0) {
            // 一是…（units）；二是…（units）: clauses that each close with units of their own are sub-items, none of
            // them empty (一是（县卫健委负责）names no work)
            List<ReadPiece> clauses = read(ordinalClauses(paragraph, false), level);
            // units after the last full stop close the paragraph, unless the clauses before put theirs so too
            // (一是…。（县人社局负责）二是…。（县民政局负责）)
            boolean eachAfterItsStop = clauses.size() > 2 && clauses.subList(1, clauses.size() - 1).stream()
                    .anyMatch(NumberedParagraphReader::unitsAfterFullStop);
            if (!eachAfterItsStop) {
                clauses = read(ordinalClauses(paragraph, true), level);
            }
            List<ReadPiece> items = clauses.subList(1, clauses.size());
            if (items.stream().filter(c -> c.units().isPresent()).count() >= 2
                    && items.stream().noneMatch(c -> withoutUnits(c.text().text(), c.units()).isBlank())) {
                return clauses;
            }
        }
        return read;
    }

    private static boolean unitsAfterFullStop(ReadPiece clause) {
        return clause.units().isPresent()
                && clause.text().text().substring(0, clause.units().get().start()).stripTrailing().endsWith("。");
    }

    private static List<ReadPiece> read(List<Piece> pieces, Level level) {
        return pieces.stream().map(piece -> {
            Labelled text = Labelled.of(text(piece, level));
            return new ReadPiece(piece, text, unitsOf(text.text()));
        }).toList();
    }

    /**
     * The paragraph's head and its clauses 一是 … 二是 … in order (number 0: they number on no sub-items). With
     * {@code closingUnitsToHead}, units after the paragraph's last full stop ({@code …三是…。（units）}) close the whole
     * paragraph: they are the head's, not the last clause's.
     */
    private static List<Piece> ordinalClauses(String paragraph, boolean closingUnitsToHead) {
        String body = paragraph;
        String closing = "";
        Optional<UnitList> units = closingUnitsToHead ? UnitList.at(paragraph) : Optional.empty();
        if (units.isPresent() && paragraph.substring(0, units.get().start()).stripTrailing().endsWith("。")) {
            body = paragraph.substring(0, units.get().start());
            closing = paragraph.substring(units.get().start());
        }
        List<Piece> pieces = new ArrayList<>();
        Matcher ordinal = ORDINAL_CLAUSE.matcher(body);
        int start = 0;
        String seq = null;
        int expected = 1;
        while (ordinal.find()) {
            if (NUMERALS.indexOf(ordinal.group(1).charAt(0)) + 1 != expected) {
                continue; // 一是 … 九是, in order
            }
            String text = paragraph.substring(start, ordinal.start(1));
            pieces.add(new Piece(seq, 0, start, ordinal.start(1), seq == null ? text + closing : text));
            seq = ordinal.group(1) + "是";
            start = ordinal.start(1);
            expected++;
        }
        pieces.add(new Piece(seq, 0, start, body.length(), body.substring(start)));
        return pieces;
    }

    private static boolean anyUnits(List<ReadPiece> pieces) {
        return pieces.stream().anyMatch(piece -> piece.units().isPresent());
    }

    /**
     * The units closing (or opening) a paragraph or sub-item; else those closing its first line when that line is a
     * heading with the content on the lines below ({@code （一）完善职业教育布局（县教育局牵头）} then the text); else a
     * sentence of units closing it.
     */
    private static Optional<UnitList> unitsOf(String text) {
        Optional<UnitList> units = UnitList.of(text);
        int lineEnd = text.indexOf('\n');
        if (units.isPresent()) {
            return units;
        }
        if (lineEnd >= 0 && !text.substring(lineEnd + 1).isBlank()) {
            String first = text.substring(0, lineEnd).stripTrailing();
            // the line without its units must be a heading as headingLine reads one
            Optional<UnitList> heading = UnitList.of(first).filter(u -> u.end() >= first.length() && u.start() > 0
                    && headingLine(withoutUnits(text, Optional.of(u))).isPresent());
            if (heading.isPresent()) {
                return heading;
            }
        }
        // the last resort: a sentence of units closing the paragraph (由市水利局牵头，市财政局配合。)
        return UnitList.closingSentence(text);
    }

    /** A piece's text after its number: units opening it come after the number. */
    private static String text(Piece piece, Level level) {
        return piece.seq() == null ? body(piece.text(), level) : piece.text().strip().substring(piece.seq().length());
    }

    /**
     * A piece's text without its labelled deadline and persons; the deadline's text (null when it has none); and the
     * lines kept for the task's content apart from its units: the persons' ({@code 牵头领导：张三}), and a deadline that
     * names steps with their work ({@code 时间节点：…，新增…；…}).
     */
    private record Labelled(String text, String deadline, List<String> persons) {
        static Labelled of(String text) {
            // matched in the simplified view (牽頭領導 is 牵头领导), cut from the text at the same places
            String view = HanView.of(text);
            Matcher deadlineLabel = DEADLINE_LABEL.matcher(view);
            String deadline = null;
            List<String> persons = new ArrayList<>();
            boolean found = deadlineLabel.find();
            if (found && isStaged(deadlineLabel.group(1), view.substring(deadlineLabel.end()))) {
                // 时间节点：2025年6月底前，新增托位500个；2025年12月底前，累计新增1200个: steps, each with its work, to be
                // dated one by one; out of the way of the units after them, and back in the content as a line of its own,
                // as the persons' lines are
                int from = deadlineLabel.start();
                while (from < view.length() && "；;，,\n \t\u3000".indexOf(view.charAt(from)) >= 0) {
                    from++; // the label's own start, past the mark or line break before it
                }
                int to = view.indexOf('\n', from) < 0 ? view.length() : view.indexOf('\n', from);
                persons.add(text.substring(from, to).replaceAll("^[；;，,\\s]+|[。；;\\s]+$", ""));
                text = text.substring(0, from) + text.substring(to);
                view = view.substring(0, from) + view.substring(to);
            } else if (found) {
                deadline = text.substring(deadlineLabel.start(1), deadlineLabel.end(1)).strip();
                String gap = gap(view, deadlineLabel);
                int from = deadlineLabel.start();
                int to = deadlineLabel.end();
                if (from > 0 && to < view.length() && "（(【[".indexOf(view.charAt(from - 1)) >= 0
                        && "）)】]".indexOf(view.charAt(to)) >= 0) {
                    from--; // a bracket of its own (【完成时限：年内】) goes with it
                    to++;
                }
                text = text.substring(0, from) + gap + text.substring(to);
                view = view.substring(0, from) + gap + view.substring(to);
            }
            if (view.indexOf("领导") < 0 && view.indexOf("责任人") < 0 && view.indexOf("联系人") < 0) {
                return new Labelled(text, deadline, persons); // most paragraphs name nobody: no scan
            }
            Matcher person = PERSON_LABEL.matcher(view);
            StringBuilder rest = new StringBuilder();
            int last = 0;
            while (person.find()) {
                persons.add(text.substring(person.start(1), person.end(1)) + "："
                        + text.substring(person.start(2), person.end(2)).strip());
                rest.append(text, last, person.start()).append(gap(view, person));
                last = person.end();
            }
            rest.append(text, last, text.length());
            return new Labelled(rest.toString(), deadline, persons);
        }

        /** Whether a labelled deadline names steps, each with its work: a clause after its date, or a next date. */
        private static boolean isStaged(String value, String after) {
            return STEP_WORK.matcher(value).find() || NEXT_STEP.matcher(after).lookingAt();
        }

        /**
         * What stands in place of a label taken out: a ； when it took the mark that separated the clauses around it
         * (…结构；牵头领导：张三；牵头单位：… keeps …结构；牵头单位：…), else nothing.
         */
        private static String gap(String view, Matcher label) {
            boolean tookLeadingMark = ";；，,".indexOf(view.charAt(label.start())) >= 0;
            boolean textFollows = label.end() < view.length() && "；;，,。\n）)]】".indexOf(view.charAt(label.end())) < 0;
            return tookLeadingMark && textFollows ? "；" : "";
        }

        /** With the persons named for the paragraph's whole chapter after its own. */
        Labelled withChapterPersons(List<String> chapterPersons) {
            if (chapterPersons.isEmpty()) {
                return this;
            }
            List<String> all = new ArrayList<>(persons);
            all.addAll(chapterPersons);
            return new Labelled(text, deadline, all);
        }

        /**
         * The content with the persons' lines after it, as a sentence of their own (the line break between them
         * vanishes with the spaces between CJK characters).
         */
        String withPersons(String content) {
            if (persons.isEmpty()) {
                return content;
            }
            return content + (TaskTexts.endsClause(content) ? "" : "。") + "\n" + String.join("；", persons) + "。";
        }
    }

    private static Layout paragraphs(CleanDocument document, Level level) {
        List<Paragraph> paragraphs = new ArrayList<>();
        List<String> strayLines = new ArrayList<>();
        Chapter chapter = null;
        Chapter top = null; // the chapter (一、…) a section heading (（一）…) stands in
        // the chapter whose heading was read and none of its paragraphs yet: its lines name its persons or units
        Chapter headed = null;
        Paragraph open = null;
        List<Block> blocks = blocks(document);
        for (int i = 0; i < blocks.size(); i++) {
            Block block = blocks.get(i);
            String text = block.text().strip();
            if (text.isEmpty()) {
                continue;
            }
            Matcher heading = CHAPTER.matcher(text);
            Matcher paragraph = level.start().matcher(text);
            Matcher section = level == ARABIC ? CHINESE.start().matcher(text) : null;
            if (heading.matches() && !text.contains("。")) {
                chapter = new Chapter(heading.group(1), TaskTexts.trim(heading.group(2)));
                top = chapter;
                headed = chapter;
                open = null;
            } else if (section != null && section.find() && text.length() <= SECTION_TITLE
                    && (text.indexOf('。') < 0 || text.indexOf('。') == text.length() - 1) && UnitList.of(text).isEmpty()) {
                // （一）提升职业学校关键办学能力 over paragraphs numbered 1. 2.: a section of the chapter, the category of its
                // paragraphs, which number again under each section
                chapter = new Chapter((top == null ? "" : top.number) + "（" + section.group(1) + "）",
                        TaskTexts.trim(text.substring(section.end()).replaceAll("。$", "")));
                headed = chapter;
                open = null;
            } else if (paragraph.find()) {
                open = new Paragraph(paragraph.group(1), chapter, block.start(), block.end());
                paragraphs.add(open);
                headed = null;
            } else if (DOCUMENT_CONTACT.matcher(block.view().strip()).find()) {
                open = null; // the document's contact below the last paragraph, not that paragraph's
                headed = null;
            } else if (open != null && LABELLED_LINE.matcher(block.view().strip()).find()) {
                open.end = block.end(); // 责任单位：…各县（市）人民政府 is not a signature
            } else if (headed != null && LABELLED_LINE.matcher(block.view().strip()).find()) {
                // between a chapter heading and its first paragraph: persons who lead the chapter's tasks, or units for
                // those that name none; anything else there (a deadline) is said to be skipped
                Labelled persons = Labelled.of(text);
                Optional<UnitList> units = UnitList.of(text).filter(u -> u.start() == 0);
                if (!persons.persons().isEmpty() && persons.text().isBlank()) {
                    headed.persons.addAll(persons.persons());
                } else if (units.isPresent() && headed.units.isEmpty()) {
                    headed.units = units;
                } else {
                    strayLines.add(text);
                }
            } else if (END_OF_BODY.matcher(text).matches() || isSignature(blocks, i)) {
                open = null;
                headed = null;
            } else if (open != null) {
                open.end = block.end();
            }
        }
        boolean restarts = paragraphs.stream().map(p -> p.number).distinct().count() < paragraphs.size();
        for (Paragraph p : paragraphs) {
            p.seq = restarts && p.chapter != null ? p.chapter.number + "." + level.seq(p.number) : level.seq(p.number);
        }
        return new Layout(paragraphs, strayLines);
    }

    /** A short organ name on a line of its own with a date on the next line: the signature closing the body. */
    private static boolean isSignature(List<Block> blocks, int i) {
        if (!SIGNATURE.matcher(blocks.get(i).view().strip()).matches()) {
            return false;
        }
        for (int j = i + 1; j < blocks.size(); j++) {
            String next = blocks.get(j).view().strip();
            if (!next.isEmpty()) {
                return DATE_LINE.matcher(next).matches();
            }
        }
        return false;
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

    /**
     * A paragraph's head (before its first sub-item) or one sub-item, with offsets relative to the paragraph; number is
     * the sub-item's, 0 for the head.
     */
    private record Piece(String seq, int number, int start, int end, String text) {
    }

    /**
     * The paragraph's head and its sub-items, numbered 1, 2, 3 … in one style: the first sub-item's ({@code 1.} or
     * {@code 1、} or {@code （1）}) is the style of all, so that a sub-item's own list in another style stays its text.
     * The first may also be {@code continuing} (above 1), for sub-items numbered on from the paragraph before.
     */
    private static List<Piece> pieces(String paragraph, Level level, int continuing) {
        List<Piece> pieces = new ArrayList<>();
        Matcher sub = level.subItem().matcher(paragraph);
        int start = 0;
        String seq = null;
        int seqNumber = 0;
        int expected = 1;
        String style = null;
        while (sub.find()) {
            String number = sub.group(2) != null ? sub.group(2) : sub.groupCount() >= 3 && sub.group(3) != null ? sub.group(3)
                    : sub.group("dashed");
            // the marker with its item's number in place of the number (1-2. is 1-#., as 1-1. is)
            String marker = sub.group("marker");
            int at = marker.lastIndexOf(number);
            String markerStyle = marker.substring(0, at) + "#" + marker.substring(at + number.length());
            int n = Integer.parseInt(number);
            boolean next = n == expected || (style == null && continuing > 1 && n == continuing);
            if (sub.start("marker") == 0 || !next || (style != null && !style.equals(markerStyle))) {
                continue;
            }
            style = markerStyle;
            pieces.add(new Piece(seq, seqNumber, start, sub.start("marker"), paragraph.substring(start, sub.start("marker"))));
            seq = sub.group("marker");
            seqNumber = n;
            start = sub.start("marker");
            expected = n + 1;
        }
        pieces.add(new Piece(seq, seqNumber, start, paragraph.length(), paragraph.substring(start)));
        return pieces;
    }

    private static List<ParsedTask> tasks(CleanDocument document, Paragraph p, List<ReadPiece> pieces, Level level,
            List<String> warnings) {
        if (!anyUnits(pieces) && p.chapterUnits().isEmpty()) {
            Piece first = pieces.get(0).piece();
            warnings.add("paragraph " + p.seq + " names no responsible units: not a task (" + TaskTexts.firstSentence(
                    body(document.text(p.start, p.end).substring(first.start(), first.end()), level)) + ")");
            return List.of();
        }
        List<ParsedTask> tasks = new ArrayList<>();
        Piece head = pieces.get(0).piece();
        Labelled headText = pieces.get(0).text();
        Optional<UnitList> ownUnits = pieces.get(0).units();
        String headContent = withoutUnits(headText.text(), ownUnits);
        Optional<UnitList> headUnits = ownUnits.or(p::chapterUnits);
        if (ownUnits.isEmpty() && headUnits.isPresent()) {
            warnings.add("paragraph " + p.seq + " names no responsible units of its own: those of its chapter apply");
        }
        // the heading is looked for before the persons join the content: a persons' line is no text below a heading
        Optional<String> heading = headingLine(headContent);
        String content = heading.map(h -> headContent.substring(headContent.indexOf('\n') + 1).strip()).orElse(headContent);
        // the title is the heading or the first sentence of the document's own text, never a person
        String title = heading.orElseGet(() -> TaskTexts.firstSentence(content));
        // a star on a sub-item's line marks the sub-item only: the paragraph's own is looked for in its head
        tasks.add(TaskTexts.task(p.seq, null, p.category(), title, headText.withChapterPersons(p.chapterPersons()).withPersons(content),
                document.source(p.start, p.end), headUnits.map(UnitList::units).orElse(null), deadline(headText, headUnits),
                TaskTexts.starred(document.source(p.start, p.start + head.end()))));
        for (ReadPiece read : pieces.subList(1, pieces.size())) {
            Piece piece = read.piece();
            Labelled itemText = read.text();
            Optional<UnitList> units = read.units();
            if (units.isEmpty()) {
                warnings.add("sub-item " + p.seq + piece.seq() + " names no responsible units of its own"
                        + (headUnits.isPresent() ? ": those of its paragraph apply" : ""));
            }
            String itemUnits = units.or(() -> headUnits).map(UnitList::units).orElse(null);
            String itemContent = withoutUnits(itemText.text(), units);
            String itemSource = document.source(p.start + piece.start(), p.start + piece.end()).strip();
            // a star just before the item's number (…。★2.建设) was cleaned away between two pieces: it is this item's
            String mark = document.droppedBefore(p.start + piece.start()).strip();
            if (!mark.isEmpty() && TextCleaner.KEY_TASK_MARK.matcher(mark).matches()) {
                itemSource = mark + itemSource;
            }
            tasks.add(TaskTexts.task(piece.seq(), p.seq, p.category(), TaskTexts.firstSentence(itemContent),
                    itemText.withPersons(itemContent), itemSource, itemUnits, deadline(itemText, units),
                    TaskTexts.starred(itemSource)));
        }
        return tasks;
    }

    /**
     * The paragraph's first line when it is a heading of its own ({@code （一）优化专业布局}, no sentence end, content on
     * the lines below): the task's title. Without it, the line break would vanish with the spaces between CJK
     * characters and run the heading into the first sentence.
     */
    private static Optional<String> headingLine(String content) {
        int end = content.indexOf('\n');
        if (end < 0 || content.substring(end + 1).isBlank()) {
            return Optional.empty();
        }
        String first = content.substring(0, end).strip();
        boolean heading = !first.isEmpty() && first.length() <= AnnexRows.TITLE_LENGTH
                && first.chars().noneMatch(c -> SENTENCE_END.indexOf(c) >= 0);
        return heading ? Optional.of(first) : Optional.empty();
    }

    /** The paragraph text after its number. */
    private static String body(String text, Level level) {
        Matcher number = level.start().matcher(text.strip());
        return number.find() ? text.strip().substring(number.end()).strip() : text.strip();
    }

    /** A labelled deadline, else the timing written inside the units' bracket. */
    private static String deadline(Labelled text, Optional<UnitList> units) {
        return text.deadline() != null ? text.deadline() : units.map(UnitList::deadline).orElse(null);
    }

    private static String withoutUnits(String text, Optional<UnitList> units) {
        return units.map(u -> text.substring(0, u.start()) + text.substring(u.end())).orElse(text).strip();
    }
}

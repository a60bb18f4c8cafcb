package org.luoshi.task.importing;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The document importer's pure core: bytes of a policy implementation document in, its metadata and tasks out.
 *
 * <p>The bytes are decoded as UTF-8 when they are valid UTF-8 (a BOM is dropped), else as GB18030. The text is
 * cleaned ({@link TextCleaner}); then the layout is recognised by its structure alone, trying in turn a
 * tab-separated table ({@link TabTableReader}), a pipe-separated annex ({@link PipeAnnexReader}) and numbered
 * paragraphs with units in parentheses ({@link NumberedParagraphReader}). Metadata comes from
 * {@link MetadataExtractor}; document-level milestones from the 主要目标 / 工作目标 paragraph (or the goals closing a
 * 总体要求 paragraph). Whatever is skipped
 * or left unrepaired is listed in {@link ParsedDocument#warnings()}.
 */
public final class PolicyDocumentParser {

    private static final String HEADING_NUMBER = "(?:（[一二三四五六七八九十]{1,3}）|[一二三四五六七八九十]{1,3}、)";
    private static final Pattern GOALS = Pattern.compile("^" + HEADING_NUMBER + "(主要目标|工作目标|发展目标|总体目标|目标任务)[。：:]?(.*)$");
    /** A heading whose paragraph may close with the goals: 总体要求, 指导思想和主要目标 …. */
    private static final Pattern GENERAL_REQUIREMENTS = Pattern.compile("^" + HEADING_NUMBER
            + "(总体要求|总体思路|基本要求|目标要求|指导思想和(?:主要|工作|发展)?目标|指导思想与(?:主要|工作|发展)?目标)[。：:]?(.*)$");
    /** The first sentence of goals: a time to reach (到2025年, 力争到, 再通过5年努力, 通过3年努力). */
    private static final Pattern GOAL_OPENER = Pattern.compile(
            "(?:^|[。；;\\n])\\s*((?:力争|争取)?(?:到|至)\\d{4}年|(?:再|力争)?(?:通过|经过|用)\\s*(?:\\d{1,2}|[一两二三四五六七八九十]{1,2})\\s*年)");
    private static final Pattern HEADING = Pattern.compile("^" + HEADING_NUMBER);
    /** A deadline that comes again: 每年12月底前, 每季度末前, 每月10日前. */
    private static final Pattern RECURRING_DEADLINE = Pattern.compile(
            "每个?(?:年度?|半年|季度|月)(?:\\d{1,2}月)?(?:份|底|末|中旬|上旬|下旬|\\d{1,2}日)?(?:之?前)");
    /** How far below a 主要目标 heading its goals are looked for. */
    private static final int GOAL_LINES = 12;
    /** More years than a plan's yearly targets are split into: a date that far is no plan's end but a slip. */
    private static final int MAX_YEARS = 10;
    private static final Pattern YEAR_OF_SPLIT = Pattern.compile("（\\d{4}年）$");
    private static final Pattern YEARLY_WORK = Pattern.compile("每年度?(?:新增|发放|安排|培育|举办|培训|建成|建设|完成|开展|引进|招聘"
            + "|推出|创建|打造|吸引|接待|认定|实施|改造|减少|压减|增加|投入|筹集|争取|推动)");
    /** The month from which a document's year of issue leaves no year's work: October. */
    private static final int LAST_QUARTER = 10;

    private PolicyDocumentParser() {
    }

    public static ParsedDocument parse(String fileName, byte[] content) {
        List<String> warnings = new ArrayList<>();
        String decoded = decode(content, warnings);
        return parse(fileName, sha256(content), decoded, warnings);
    }

    /**
     * The same for text already decoded (or drawn from a spreadsheet or Word file, see {@link OfficeText}).
     *
     * @param sourceSha256 the hash of the file the text came from
     */
    public static ParsedDocument parseText(String fileName, String sourceSha256, String text) {
        return parseText(fileName, sourceSha256, text, List.of());
    }

    /** @param earlier warnings about the file before its text (a spreadsheet's hidden rows), reported first */
    public static ParsedDocument parseText(String fileName, String sourceSha256, String text, List<String> earlier) {
        String normalized = text.startsWith("\uFEFF") ? text.substring(1) : text;
        return parse(fileName, sourceSha256, normalized.replace("\r\n", "\n").replace('\r', '\n'), new ArrayList<>(earlier));
    }

    private static ParsedDocument parse(String fileName, String sourceSha256, String text, List<String> warnings) {
        // a NUL (a spreadsheet cell's _x0000_) is nothing a reader sees, and PostgreSQL stores none
        String decoded = text.indexOf('\0') < 0 ? text : text.replace("\0", "");
        TextCleaner.Cleaned cleaned = TextCleaner.clean(decoded);
        warnings.addAll(cleaned.warnings());
        warnings.addAll(MilestoneExtractor.impossibleDates(cleaned.text().text()));
        CleanDocument document = new CleanDocument(cleaned.text());

        DocumentShape shape = DocumentShape.UNKNOWN;
        List<ParsedTask> tasks = List.of();
        List<String> layoutWarnings = new ArrayList<>();
        Optional<List<ParsedTask>> table = TabTableReader.read(document, layoutWarnings);
        if (table.isPresent()) {
            shape = DocumentShape.TAB_TABLE;
            tasks = table.get();
        } else {
            Optional<List<ParsedTask>> annex = PipeAnnexReader.read(document, layoutWarnings);
            if (annex.isPresent()) {
                shape = DocumentShape.PIPE_ANNEX;
                tasks = annex.get();
            } else {
                Optional<List<ParsedTask>> paragraphs = NumberedParagraphReader.read(document, layoutWarnings);
                Optional<List<ParsedTask>> unnumbered = paragraphs.isPresent() ? Optional.empty()
                        : TabTableReader.readUnnumbered(document, layoutWarnings);
                if (paragraphs.isPresent()) {
                    shape = DocumentShape.NUMBERED_PARAGRAPHS;
                    tasks = paragraphs.get();
                } else if (unnumbered.isPresent()) {
                    shape = DocumentShape.TAB_TABLE;
                    tasks = unnumbered.get();
                } else {
                    layoutWarnings.add("no task table, annex or numbered paragraphs with responsible units found");
                }
            }
        }
        if (shape == DocumentShape.TAB_TABLE || shape == DocumentShape.PIPE_ANNEX) {
            tasks = withBodyTasks(document, tasks, layoutWarnings);
        }
        warnings.addAll(layoutWarnings);
        Optional<String> rolesNote = RoleConvention.othersAssist(document);
        if (rolesNote.isPresent() && tasks.stream().flatMap(t -> t.units().stream()).anyMatch(UnitMention::plain)) {
            tasks = RoleConvention.othersAssisting(tasks);
            warnings.add("the document's note \"" + rolesNote.get() + "\": in lists without role words, the first unit"
                    + " leads and the others participate (PARTICIPANT, not RESPONSIBLE)");
        }
        tasks = withText(tasks, warnings);
        if (shape == DocumentShape.NUMBERED_PARAGRAPHS) {
            // a table's deadline cell that gives no date is reported as the row is read
            recurringDeadlines(tasks, warnings);
        }

        MetadataExtractor.Metadata metadata = MetadataExtractor.extract(document);
        if (metadata.docNumber() == null) {
            warnings.add("no document number (文号) found");
        }
        LocalDate stated = metadata.issuedOn() != null ? metadata.issuedOn() : metadata.publishedOn();
        // the year a title names (2024年…重点任务清单) is the year of its work: without a date of issue, and for a plan
        // issued late in the year before (2026年工作要点 issued in December 2025)
        Optional<LocalDate> titleYear = yearOfTitle(metadata.title());
        boolean forNextYear = stated != null && stated.getMonthValue() >= LATE_IN_THE_YEAR && titleYear.isPresent()
                && titleYear.get().getYear() == stated.getYear() + 1;
        LocalDate issued = stated != null && !forNextYear ? stated : titleYear.orElse(null);
        if ((stated == null || forNextYear) && issued != null && needsTheYear(tasks)) {
            warnings.add((stated == null ? "the document states no date of issue" : "the document plans the year after its issue")
                    + ": dates without a year (6月底前, 年内) are taken in " + issued.getYear() + ", the year its title names");
        }
        List<ParsedTask> dated = tasks.stream().map(t -> {
            List<ParsedMilestone> milestones = yearly(inYearOfIssue(t.milestones(), issued, warnings), issued);
            return milestones == t.milestones() ? t : new ParsedTask(t.seq(), t.parentSeq(), t.category(), t.title(),
                    t.content(), t.sourceText(), t.units(), milestones, t.keyTask());
        }).toList();
        return new ParsedDocument(fileName, sourceSha256, shape, metadata.docNumber(), metadata.title(),
                metadata.issuer(), metadata.issuedOn(), metadata.publishedOn(), metadata.implementsDocNumber(), dated,
                inYearOfIssue(documentMilestones(document), issued, warnings), warnings);
    }

    /**
     * Whether a body's task and a table's row name the same work: the title of one (of a few characters at least) in
     * the other's title, category or text.
     */
    private static boolean sameWork(ParsedTask body, ParsedTask row) {
        return names(body.title(), row.title(), row.category(), row.content())
                || names(row.title(), body.title(), body.category(), body.content());
    }

    private static boolean names(String title, String... texts) {
        if (title == null || title.length() < SAME_WORK_TITLE) {
            return false;
        }
        for (String text : texts) {
            if (text != null && text.contains(title)) {
                return true;
            }
        }
        return false;
    }

    /** The first month of the year's last quarter: a plan issued from then on may be the next year's. */
    private static final int LATE_IN_THE_YEAR = 10;

    /** The shortest title that names a piece of work when found in another's text. */
    private static final int SAME_WORK_TITLE = 4;

    /**
     * The one year a title names as the year of its work (2024年文化旅游融合发展重点任务清单), as its first day; none for a
     * title naming a span (2024—2026年) or several years.
     */
    static Optional<LocalDate> yearOfTitle(String title) {
        if (title == null) {
            return Optional.empty();
        }
        Matcher year = TITLE_YEAR.matcher(title);
        Integer found = null;
        while (year.find()) {
            if (found != null || title.startsWith("—", year.end()) || title.startsWith("-", year.end())
                    || year.start() > 0 && "—–-~～至到".indexOf(title.charAt(year.start() - 1)) >= 0) {
                return Optional.empty();
            }
            found = Integer.parseInt(year.group(1));
        }
        return found == null || found < 1990 || found > 2100 ? Optional.empty() : Optional.of(LocalDate.of(found, 1, 1));
    }

    private static final Pattern TITLE_YEAR = Pattern.compile("(?<!\\d)(\\d{4})(?:年|(?=[—–\\-~～至到]))");

    private static boolean needsTheYear(List<ParsedTask> tasks) {
        return tasks.stream().flatMap(t -> t.milestones().stream()).anyMatch(m -> MilestoneExtractor.inYearOfIssue(m.dueDate()));
    }

    /**
     * The tasks of a document's body before those of its table, when the body numbers paragraphs that each close with
     * their units (一、… （一）…（市城市管理局牵头）) and the table lists other work (an annex of projects): before, the
     * body's were dropped unseen. When the two share a number, or a title, the table is read alone with a warning.
     */
    private static List<ParsedTask> withBodyTasks(CleanDocument document, List<ParsedTask> tableTasks, List<String> warnings) {
        // most table documents have no such paragraphs: a look at their lines first, not a reading of all of them
        if (!NumberedParagraphReader.mayHoldTasks(document)) {
            return tableTasks;
        }
        List<String> bodyWarnings = new ArrayList<>();
        Optional<List<ParsedTask>> read = NumberedParagraphReader.read(document, bodyWarnings);
        if (read.isEmpty()) {
            return tableTasks;
        }
        List<ParsedTask> body = read.get();
        Set<String> tableSeqs = tableTasks.stream().map(ParsedTask::seq).collect(Collectors.toSet());
        boolean shared = body.stream().anyMatch(t -> tableSeqs.contains(t.seq())
                || tableTasks.stream().anyMatch(row -> sameWork(t, row)));
        if (shared) {
            warnings.add("the body's " + body.size() + " numbered paragraphs with units share numbers or titles with the"
                    + " table's rows: only the table is read");
            return tableTasks;
        }
        warnings.addAll(bodyWarnings);
        warnings.add("the body's " + body.stream().filter(t -> t.parentSeq() == null).count() + " numbered paragraphs with"
                + " units are tasks before the table's " + tableTasks.stream().filter(t -> t.parentSeq() == null).count());
        recurringDeadlines(body, warnings);
        List<ParsedTask> all = new ArrayList<>(body);
        all.addAll(tableTasks);
        return all;
    }

    /**
     * Milestones due in the year of issue (年内 → 31 December, 今年6月底前 or 6月底前 → 30 June) dated in the year the
     * document was issued, those due the year after (次年3月底前) in the next. Without a date of issue, or when that day
     * would come before it (3月底前 in a plan issued in May: this year's or next?), a target is left undated and a
     * deadline alone dropped, each with a warning.
     */
    private static List<ParsedMilestone> inYearOfIssue(List<ParsedMilestone> milestones, LocalDate issued,
            List<String> warnings) {
        if (milestones.stream().noneMatch(m -> MilestoneExtractor.inYearOfIssue(m.dueDate()))) {
            return milestones;
        }
        List<ParsedMilestone> dated = new ArrayList<>();
        for (ParsedMilestone m : milestones) {
            LocalDate due = m.dueDate();
            if (!MilestoneExtractor.inYearOfIssue(due)) {
                dated.add(m);
                continue;
            }
            if (issued == null) {
                warnings.add("'" + m.title() + "' is due within the year or the next (年内, 今年, 次年, or a month without"
                        + " a year), but the document states no date of issue: its date is not known");
            } else {
                LocalDate inYear = MilestoneExtractor.placed(due, issued.getYear());
                if (!inYear.isBefore(issued)) {
                    dated.add(new ParsedMilestone(m.title(), inYear, m.target()));
                    continue;
                }
                warnings.add("'" + m.title() + "' names no year, and in the year of issue its date " + inYear
                        + " comes before the document's " + issued + ": its date is not known");
            }
            if (m.target() != null) {
                dated.add(new ParsedMilestone(m.title(), null, m.target())); // the target stays, undated
            }
        }
        return List.copyOf(new java.util.LinkedHashSet<>(dated));
    }

    /**
     * A target set for each year (每年新增3A级以上景区2个) and due at the end of a later year than the year of issue: one
     * milestone for each year from the year of issue on (from the next when it was issued in its last quarter), titled
     * with its year ({@code …2个（2024年）}), since its progress is checked each year; the last keeps the due date.
     * Targets per quarter or month stay one milestone, reported by the import.
     */
    static List<ParsedMilestone> yearly(List<ParsedMilestone> milestones, LocalDate issued) {
        if (issued == null || milestones.stream().noneMatch(PolicyDocumentParser::perYear)) {
            return milestones;
        }
        // issued in the year's last quarter, the year of issue has no year's work left: the first year is the next
        int first = issued.getMonthValue() >= LAST_QUARTER ? issued.getYear() + 1 : issued.getYear();
        List<ParsedMilestone> out = new ArrayList<>();
        for (ParsedMilestone m : milestones) {
            if (!perYear(m) || m.dueDate().getYear() <= first || m.dueDate().getYear() - first >= MAX_YEARS) {
                out.add(m);
                continue;
            }
            int last = m.dueDate().getYear();
            for (int year = first; year < last; year++) {
                out.add(new ParsedMilestone(m.title() + "（" + year + "年）", LocalDate.of(year, 12, 31), m.target()));
            }
            out.add(new ParsedMilestone(m.title() + "（" + last + "年）", m.dueDate(), m.target()));
        }
        return List.copyOf(out);
    }

    /** One of the milestones {@link #yearly} made of a yearly target. */
    static boolean splitByYear(ParsedMilestone m) {
        return perYear(m) && YEAR_OF_SPLIT.matcher(m.title()).find();
    }

    /**
     * A dated target for each year: 每年 before what is to be done each year (每年新增, 每年发放), in the target's own
     * clause (its title's last); not a capacity (每年可处理10万吨) nor a yearly review (每年度考核).
     */
    static boolean perYear(ParsedMilestone m) {
        if (m.target() == null || m.dueDate() == null) {
            return false;
        }
        String clause = m.title().substring(m.title().lastIndexOf('，') + 1);
        return YEARLY_WORK.matcher(clause).find();
    }

    /** The tasks that have a title: a numbered row with no text at all (nor a category to name it) is reported, not stored. */
    private static List<ParsedTask> withText(List<ParsedTask> tasks, List<String> warnings) {
        if (tasks.stream().allMatch(t -> t.title() != null && !t.title().isBlank())) {
            return tasks;
        }
        List<ParsedTask> titled = new ArrayList<>();
        for (ParsedTask task : tasks) {
            if (task.title() == null || task.title().isBlank()) {
                warnings.add("task " + task.seq() + " skipped: it has no text" + (task.units().isEmpty() ? ""
                        : " (units: " + String.join("、", task.units().stream().map(UnitMention::rawName).toList()) + ")"));
            } else {
                titled.add(task);
            }
        }
        return titled;
    }

    /**
     * Deadlines that come again each period in a task's text (每年12月底前报送…): no one date to track, so not dated; said
     * so, as a table's deadline cell would be.
     */
    private static void recurringDeadlines(List<ParsedTask> tasks, List<String> warnings) {
        for (ParsedTask task : tasks) {
            Matcher recurring = task.content() == null ? null : RECURRING_DEADLINE.matcher(task.content());
            if (recurring != null && recurring.find()) {
                warnings.add("task " + task.seq() + ": deadline \"" + recurring.group() + "\" comes again each period, no"
                        + " date of completion: not dated");
            }
        }
    }

    /** UTF-8 when the bytes are valid UTF-8, else GB18030 (the superset of GBK the other seeds' sources used). */
    static String decode(byte[] content, List<String> warnings) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            warnings.add("not UTF-8: decoded as GB18030");
            text = new String(content, Charset.forName("GB18030"));
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return text.replace("\r\n", "\n").replace('\r', '\n');
    }

    /**
     * The goals of the 主要目标 paragraph ({@code （三）主要目标。到2020年…}), or of the lines below a heading of its own
     * ({@code 一、主要目标} or {@code （二）工作目标}) up to the next heading or table. Without such a heading, the goals
     * that close a 总体要求 paragraph, from its first sentence that opens with a time to reach ({@code 到2025年，…},
     * {@code 力争到…}, {@code 再通过5年努力，…}): what comes before it is the guiding thought, not goals.
     */
    private static List<ParsedMilestone> documentMilestones(CleanDocument document) {
        List<CleanDocument.Line> lines = document.lines();
        for (int i = 0; i < lines.size(); i++) {
            Matcher goals = GOALS.matcher(lines.get(i).view().strip());
            if (goals.matches()) {
                String written = paragraph(lines, i, goals.group(2));
                return written == null ? List.of() : MilestoneExtractor.extract(written); // a heading with nothing below it
            }
        }
        for (int i = 0; i < lines.size(); i++) {
            Matcher requirements = GENERAL_REQUIREMENTS.matcher(lines.get(i).view().strip());
            if (requirements.matches()) {
                String written = paragraph(lines, i, requirements.group(2));
                Matcher opener = written == null ? null : GOAL_OPENER.matcher(HanView.of(written));
                return opener != null && opener.find() ? MilestoneExtractor.extract(written.substring(opener.start(1)))
                        : List.of();
            }
        }
        return List.of();
    }

    /**
     * The paragraph a heading opens: the rest of the heading's line (主要目标：到2025年…), else the lines below it up to
     * the next heading or table; never the heading itself, which the cleaning would run into the first goal
     * (一、主要目标全年…). Null when there is nothing.
     */
    private static String paragraph(List<CleanDocument.Line> lines, int heading, String restOfLine) {
        StringBuilder text = new StringBuilder(restOfLine.isBlank() ? "" : lines.get(heading).text().strip());
        if (restOfLine.isBlank()) {
            for (int j = heading + 1; j < Math.min(lines.size(), heading + 1 + GOAL_LINES); j++) {
                String line = lines.get(j).text();
                if (HEADING.matcher(lines.get(j).view().strip()).find() || line.indexOf('\t') >= 0) {
                    break; // the next heading, or a table
                }
                text.append('\n').append(line.strip());
            }
        }
        return CleanDocument.normalized(text.toString());
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}

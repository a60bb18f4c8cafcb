package org.luoshi.task.importing;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.luoshi.platform.problem.ProblemException;

/**
 * Damaged documents of the family: the seeds and fixtures with pieces inserted (the marks the readers look for: tabs,
 * brackets, labels, numbers, dates that do not exist), deleted, replaced or repeated. Whatever comes in, the parser
 * answers a parse or a client error, never an exception (which the endpoint would answer with a 500). The mutations
 * are drawn from a fixed seed, so that a failure is found again; the failing text is printed. Another seed:
 * {@code -Drobustness.seed=N}.
 */
class ParserRobustnessTest {

    private static final long SEED = Long.getLong("robustness.seed", 20261124L);
    private static final int DOCUMENTS = 1_000;
    private static final String[] PIECES = {"\t", "\n", "\r\n", "（", "）", "【", "】", "、", "，", "。", "：", "|", " ",
        "——", "牵头", "会同", "按职责分工负责", "责任单位：", "牵头单位：", "配合单位：", "完成时限：", "牵头领导：", "序号",
        "序号\t责任单位", "\n序号\t责任单位\t完成时限\n1\t", "第", "号", "〔2021〕", "（一）", "1.", "一、", "各县（市、区）人民政府", "2021年2月30日",
        "2021年第五季度", "2021.13", "99999999999999999999个", "10—", "發(fā)", "<br>", "?。ㄒ唬", "★", " |", " | |",
        "责任人：", "备注", "6月底前", "  ", "      ", "\n      ", "\n 9    ", "\f", "\n序号  工作任务    牵头单位  完成时限\n"};

    @Test
    void damagedDocumentsAreParsedOrRefusedNeverFail() {
        List<String> documents = documents();
        Random random = new Random(SEED);
        for (int n = 0; n < DOCUMENTS; n++) {
            String damaged = damaged(documents.get(random.nextInt(documents.size())), random);
            try {
                ParsedDocument parsed = PolicyDocumentParser.parse("damaged-" + n + ".txt", damaged.getBytes(StandardCharsets.UTF_8));
                String broken = storable(parsed);
                if (broken != null) {
                    fail("document " + n + ": " + broken + "\n----\n" + damaged);
                }
            } catch (ProblemException refused) {
                assertTrue(refused.status() >= 400 && refused.status() < 500, refused.getMessage());
            } catch (RuntimeException e) {
                fail("document " + n + " failed the parser: " + e + "\n----\n" + damaged, e);
            }
        }
    }

    /** What the store needs of a parse (columns that may not be null, numbers it keys on), or null when it has it. */
    private static String storable(ParsedDocument parsed) {
        for (ParsedTask task : parsed.tasks()) {
            if (task.title() == null || task.title().isBlank()) {
                return "task " + task.seq() + " has no title";
            }
            if (task.seq() == null || task.seq().isBlank() || task.seq().length() > 20) {
                return "task number '" + task.seq() + "' does not fit task.seq";
            }
            for (UnitMention unit : task.units()) {
                if (unit.rawName() == null || unit.rawName().isBlank() || unit.role() == null || unit.kind() == null) {
                    return "task " + task.seq() + " has a unit without name, role or kind: " + unit;
                }
            }
            for (ParsedMilestone milestone : task.milestones()) {
                if (milestone.title() == null || milestone.title().isBlank() || milestone.title().length() > 500
                        || milestone.target() != null && milestone.target().unit() != null
                        && milestone.target().unit().length() > 20) {
                    return "task " + task.seq() + " has a milestone the table cannot hold: " + milestone;
                }
            }
        }
        return null;
    }

    private static String damaged(String document, Random random) {
        StringBuilder text = new StringBuilder(document);
        int changes = 1 + random.nextInt(20);
        for (int i = 0; i < changes; i++) {
            int at = random.nextInt(text.length() + 1);
            switch (random.nextInt(4)) {
                case 0 -> text.insert(at, PIECES[random.nextInt(PIECES.length)]);
                case 1 -> text.delete(at, Math.min(text.length(), at + random.nextInt(50)));
                case 2 -> {
                    if (at < text.length()) {
                        text.setCharAt(at, (char) ('一' + random.nextInt(0x5000)));
                    }
                }
                default -> {
                    String piece = text.substring(at, Math.min(text.length(), at + random.nextInt(200)));
                    text.insert(random.nextInt(text.length() + 1), piece);
                }
            }
        }
        return text.toString();
    }

    private static List<String> documents() {
        List<String> documents = new ArrayList<>();
        Seeds.names().forEach(name -> documents.add(Seeds.text(name)));
        try (Stream<Path> fixtures = Files.list(Path.of(ParserRobustnessTest.class.getResource("/importing").toURI()))) {
            fixtures.filter(p -> p.toString().endsWith(".txt")).sorted()
                    .forEach(p -> documents.add(new String(FixtureDocumentsTest.fixture(p.getFileName().toString()),
                            StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return documents;
    }
}

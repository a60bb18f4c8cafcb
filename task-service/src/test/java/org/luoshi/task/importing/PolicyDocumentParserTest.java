package org.luoshi.task.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyDocumentParserTest {

    private static final String TABLE = """
            关于做好示范工作的通知
            湘政办发[2020]7号
            序号\t工作任务\t主要内容\t责任单位
            1\t统筹规划\t2021年底前建成实训基地10个以上。\t省教育厅牵头，省财政厅参与
            2\t\t完善制度。\t省财政厅
            """;

    @Test
    void utf8WithABomAndGb18030AreBothRead() {
        List<String> warnings = new ArrayList<>();
        byte[] bom = ("\uFEFF" + TABLE).getBytes(StandardCharsets.UTF_8);
        assertEquals(TABLE, PolicyDocumentParser.decode(bom, warnings));
        assertTrue(warnings.isEmpty());
        assertEquals(TABLE, PolicyDocumentParser.decode(TABLE.getBytes(Charset.forName("GB18030")), warnings));
        assertEquals(List.of("not UTF-8: decoded as GB18030"), warnings);
    }

    @Test
    void aSmallTabTableWithItsMetadata() {
        ParsedDocument d = PolicyDocumentParser.parse("t.txt", TABLE.getBytes(StandardCharsets.UTF_8));
        assertEquals(DocumentShape.TAB_TABLE, d.shape());
        assertEquals("湘政办发〔2020〕7号", d.docNumber(), "any brackets around the year are written 〔〕");
        assertEquals("关于做好示范工作的通知", d.title());
        assertEquals(2, d.tasks().size());
        ParsedTask second = d.tasks().get(1);
        assertEquals("统筹规划", second.category());
        assertEquals("省财政厅", second.units().get(0).rawName());
        ParsedMilestone bases = d.tasks().get(0).milestones().get(0);
        assertEquals(2021, bases.dueDate().getYear());
        assertEquals(64, d.sourceSha256().length());
    }

    @Test
    void aDocumentWithoutTasksSaysSo() {
        ParsedDocument d = PolicyDocumentParser.parse("n.txt", "一段没有任务的文字。".getBytes(StandardCharsets.UTF_8));
        assertEquals(DocumentShape.UNKNOWN, d.shape());
        assertTrue(d.tasks().isEmpty());
        assertTrue(d.warnings().stream().anyMatch(w -> w.contains("no task table")));
    }
}

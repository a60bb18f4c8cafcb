package org.luoshi.task.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextCleanerTest {

    /** Enough spaced-out Han text for the cleaner to treat a snippet as OCR output. */
    private static String ocr(String snippet) {
        return TextCleaner.apply(TextCleaner::collapseOcrSpacing, snippet);
    }

    @Test
    void pinyinAfterCharactersIsRemovedButOtherParenthesesStay() {
        assertEquals("發文機關：盤錦市政府", TextCleaner.apply(TextCleaner::removePinyin, "發(fā)文機(jī)關(guān)：盤錦市政府"));
        assertEquals("德國工商大會(AHK)的合作", TextCleaner.apply(TextCleaner::removePinyin, "德國工商大會(AHK)的合作"));
        assertEquals("(二)強化企業", TextCleaner.apply(TextCleaner::removePinyin, "(二)強(qiáng)化企業(yè)"));
    }

    @Test
    void linesHoldingOnlyAPagesNumberAreEmptiedButBareNumbersAndDashedTextStay() {
        assertEquals("支持旅居养老\n\n\n\n发展。", TextCleaner.apply(TextCleaner::removePageNumbers,
                "支持旅居养老\n\n— 5 —\n\n发展。"));
        assertEquals("a\n\nb\n\nc\n", TextCleaner.apply(TextCleaner::removePageNumbers, "a\n-12-\nb\n　第 3 页 共 10 页\nc\n"));
        // a row's number in a one-cell-per-line table, and a dash before units, are no page numbers
        assertEquals("4\n——市教育局\n— 2025年 —", TextCleaner.apply(TextCleaner::removePageNumbers,
                "4\n——市教育局\n— 2025年 —"));
    }

    @Test
    void aSpreadsheetsQuotedCellsLoseTheirQuotesAndTheirDoubledQuotesAreOne() {
        assertEquals("1\t市教育局\n市财政局\t2025年底前\t按\"政府引导\"推进",
                TextCleaner.apply(TextCleaner::unquoteCells, "1\t\"市教育局\n市财政局\"\t2025年底前\t\"按\"\"政府引导\"\"推进\""));
        // a quote left open, and quotes inside a cell's text, stay as found
        String open = "1\t\"市教育局\t2025年底前\n2\t推进\"一网通办\"改革\t市数据局";
        assertEquals(open, TextCleaner.apply(TextCleaner::unquoteCells, open));
    }

    @Test
    void htmlRemnantsAreRemoved() {
        assertEquals("雙向對接。", TextCleaner.apply(TextCleaner::stripHtml, "雙向對接。</p>"));
        // a numeric entity naming NUL or no character leaves nothing (PostgreSQL stores no NUL); one beyond the basic
        // plane is its character, not half of it
        assertEquals("雙向對接", TextCleaner.apply(TextCleaner::stripHtml, "雙向&#00;對接&#31;"));
        assertEquals("對接\uD840\uDC00", TextCleaner.apply(TextCleaner::stripHtml, "對接&#131072;"));
        assertEquals("產教供需 雙向", TextCleaner.apply(TextCleaner::stripHtml, "產教供需&nbsp;雙向<span class=\"x\">"));
        assertEquals("雙向?qū)?", TextCleaner.apply(TextCleaner::stripHtml, "雙向?qū)?/span>"));
    }

    @Test
    void ocrSpacingBetweenCjkCharactersCollapses() {
        assertEquals("省教育厅、省人力资源社会保障厅", ocr("省 教育 厅 、 省 人力 资 源 社 会保 障 厅"));
        assertEquals("吉政办发〔2018〕48号", ocr("吉政 办发 〔 2 0 1 8〕 4 8 号"));
        assertEquals("到2020年底前，每个市（州）", ocr("到 20 2 0 年底 前 ， 每个 市 （ 州 ）"));
        assertEquals("按照工资总额的1.5%至2.5%规定", ocr("按 照 工 资 总额 的 1 . 5 % 至 2 . 5 %规定"));
        assertEquals("1.落实企业职工培训制度。2.规范收费", ocr("1 . 落 实企 业 职 工 培 训 制 度 。 2. 规范 收费"));
        assertEquals("成文日期2018年12月12日", ocr("成 文 日 期 2 0 1 8 年 1 2 月 1 2 日"));
    }

    @Test
    void aSpacedDigitRunSplitInTwoEqualRoundHalvesIsARangeWhoseDashWasLost() {
        assertEquals("政府给予1000—2000元补贴", ocr("政府 给予 1 0 0 0 2 00 0 元补 贴"));
        assertEquals("补贴标准为2000—3000兀/人", ocr("补 贴标准 为 20 0 0 3 00 0 兀/ 人"));
        assertEquals("实施科技创新2030重大项目", ocr("实施 科技创 新 20 3 0 重大 项 目"), "short halves are not a range");
    }

    /** A snippet in a text with too few spaces to be OCR output, spacing collapsed. */
    private static String notOcr(String snippet) {
        String prose = "支持直播电商、即时零售等新业态发展，建成直播电商基地，培育本土网红带货主播，推动家政养老托育等服务消费提质扩容。\n";
        String cleaned = TextCleaner.apply(TextCleaner::collapseOcrSpacing, prose + snippet);
        assertTrue(cleaned.startsWith(prose), cleaned);
        return cleaned.substring(prose.length());
    }

    @Test
    void spacesOrALineBreakBetweenTwoUnitsNamesSeparateThem() {
        // before, the spaces went as those between any Han characters do, and the two units became one name
        assertEquals("配合单位：区人社局、区市场监管局", notOcr("配合单位：区人社局\u3000区市场监管局"));
        assertEquals("省发展改革委（牵头）、省教育厅、国网河南省电力公司",
                notOcr(TextCleaner.apply(TextCleaner::stripHtml, "省发展改革委（牵头）<br>省教育厅<BR/>国网河南省电力公司")));
        assertEquals("牵头单位：区商务局配合单位：区人社局", notOcr("牵头单位：区商务局\u3000\u3000配合单位：区人社局"),
                "a label is no unit's name");
        assertEquals("召开专题会市领导出席会议", notOcr("召开专题会 市领导出席会议"), "the next words do not end as a unit's name does");
        assertEquals("由城市管理局牵头", notOcr("由城市管理局 牵头"));
        assertEquals("县农业农村局、县林业局、县水利局按职责分工负责", notOcr("县农业农村局 县林业局 县水利局按职责分工负责"),
                "a name before role words ends there");
        assertEquals("市委宣传部、市文旅局", notOcr("市委宣传部 市文旅局"));
        // groups, brackets and all, on either side of the gap; 单位 and 部门 end names too
        assertEquals("县农业农村局、县卫生健康局、各乡镇（街道）", notOcr("县农业农村局 县卫生健康局 各乡镇（街道）"));
        assertEquals("各乡镇（街道）、县农业农村局", notOcr("各乡镇（街道） 县农业农村局"));
        assertEquals("市发展改革委、各县（市、区）人民政府", notOcr("市发展改革委 各县（市、区）人民政府"));
        assertEquals("市直有关单位、各园区管委会", notOcr("市直有关单位 各园区管委会"));
        // prose whose words before the spaces are no unit's name
        assertEquals("召开全市动员大会各县市区、各部门主要负责人参加", notOcr("召开全市动员大会 各县市区、各部门主要负责人参加"));
        assertEquals("确保各项措施落实到位各乡镇，各村要明确专人负责", notOcr("确保各项措施落实到位 各乡镇，各村要明确专人负责"));
        assertEquals("守住底线和大门各县市区，各乡镇要加强巡查", notOcr("守住底线和大门 各县市区，各乡镇要加强巡查"));
        assertTrue(TextCleaner.isUnitGap("县大数据发展中心", "国网泰顺县供电公司"));
        assertFalse(TextCleaner.isUnitGap("推进氡泉景区提升改造，由县文广旅体局", "县域旅游发展，2026年底前成功创建。"));
        // in OCR text every character may be followed by a space: 监管局 市场 is no list there
        assertEquals("市场监管局市场准入", ocr("市 场 监 管 局 市 场 准 入"));
    }

    @Test
    void textThatIsNotOcrKeepsItsDigitGroups() {
        assertEquals("索引号： pjsrmzf-2019-000073合计1000 2000", TextCleaner.apply(TextCleaner::collapseOcrSpacing,
                "索引号： pjsrmzf-2019-000073 合计 1000 2000"));
        assertFalse(TextCleaner.isOcrSpaced("六安市人民政府办公室 关于切实做好深化产教融合重点工作的通知"));
    }

    @Test
    void ocrConfusionsAreFixedWhereTheContextMakesThemSafe() {
        assertEquals("深入贯彻，纳入规划，融入经济，所得收入，再投入，引入行业企业",
                TextCleaner.apply(TextCleaner::fixOcrConfusions, "深人贯彻，纳人规划，融人经济，所得收人，再投人，引人行业企业"));
        assertEquals("引进人才，人民政府，省人力资源社会保障厅，增加人员",
                TextCleaner.apply(TextCleaner::fixOcrConfusions, "引进人才，人民政府，省人力资源社会保障厅，增加人员"));
        assertEquals("省国资委，显著增强，3000元/人，一、总体要求",
                TextCleaner.apply(TextCleaner::fixOcrConfusions, "省囯资委，显著増强，3000兀/人，\n—、总体要求").replace("\n", ""));
        assertEquals("突兀", TextCleaner.apply(TextCleaner::fixOcrConfusions, "突兀"));
    }

    @Test
    void wordsThatEndOrBeginWithRenAreNotOcrConfusions() {
        String clean = "推进人工智能，促进人的全面发展，领导人，接收人，登记人，批准人，中介人，策划人，引人注目，人均收入，会同人社部门";
        List<String> warnings = new ArrayList<>();
        assertEquals(clean, TextCleaner.fixOcrConfusions(TrackedText.of(clean), warnings).text());
        assertEquals(List.of(), warnings);
    }

    @Test
    void eachOcrCorrectionIsReported() {
        List<String> warnings = new ArrayList<>();
        assertEquals("纳入规划，纳入预算，国家，3000元，进入新阶段",
                TextCleaner.fixOcrConfusions(TrackedText.of("纳人规划，纳人预算，囯家，3000兀，进人新阶段"), warnings).text());
        assertEquals(List.of("OCR confusion repaired: \"囯\" → \"国\"", "OCR confusion repaired: \"兀\" → \"元\"",
                "OCR confusion repaired: \"纳人\" → \"纳入\" (2 times)", "OCR confusion repaired: \"进人\" → \"进入\""), warnings);
    }

    @Test
    void punctuationWidthIsUnifiedInChineseText() {
        assertEquals("市发改委会同市有关部门，各县区政府（管委）",
                TextCleaner.apply(TextCleaner::unifyPunctuation, "市发改委会同市有关部门,各县区政府(管委)"));
        assertEquals("经费的1,000元和1.5%以及（AHK）", TextCleaner.apply(TextCleaner::unifyPunctuation, "经费的1,000元和1.5%以及(AHK)"));
        assertEquals("see (AHK), p. 2", TextCleaner.apply(TextCleaner::unifyPunctuation, "see (AHK), p. 2"));
        assertEquals("良好氛围。", TextCleaner.apply(TextCleaner::unifyPunctuation, "良好氛围."));
    }

    @Test
    void theCleanedTextTracesBackToTheTextAsFound() {
        String found = "( 十 ) 拓展企 业 参 与 途径 。 ( 省 囯 资 委 参与 )";
        TextCleaner.Cleaned cleaned = TextCleaner.clean(found);
        String text = cleaned.text().text();
        assertEquals("（十）拓展企业参与途径。（省国资委参与）", text);
        int units = text.indexOf("（省");
        assertEquals("( 省 囯 资 委 参与 )", cleaned.text().source(units, text.length()));
        assertEquals("拓展企 业 参 与 途径", cleaned.text().source(text.indexOf("拓"), text.indexOf("。")));
    }

    @Test
    void theWholePipelineOnAPanjinHeader() {
        var warnings = new ArrayList<String>();
        String cleaned = TextCleaner.clean("發(fā)文字號: | 盤政辦發(fā)〔2019〕9號 | 發(fā)布日期: | 2019-01-23 |", warnings);
        assertEquals("發文字號：|盤政辦發〔2019〕9號|發布日期：| 2019-01-23 |", cleaned);
        assertTrue(warnings.isEmpty());
    }
}

package org.luoshi.platform.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChineseTextTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "省 教育 厅|省教育厅",
            "市發改委|市发改委",
            "省囯资委|省国资委",
            "吉政 办发 〔 2 0 1 8〕 4 8 号|吉政办发〔2018〕48号",
            "長白山管委會|长白山管委会",
            "人行六安中心支行|人行六安中心支行"})
    void simplifiedFormRemovesSpacingBetweenCharactersAndConvertsScript(String source, String expected) {
        assertEquals(expected, ChineseText.simplified(source));
    }

    @Test
    void digitGroupsThatMayHaveLostARangeDashStayApart() {
        assertEquals("每生每年1000 2000元", ChineseText.simplified("每 生 每 年 1000 2000 元"));
    }

    @Test
    void chineseTextGetsItsPunctuationBackWhileNumbersAndLatinTextKeepTheirs() {
        assertEquals("统筹规划，建设基地（每个不少于50个）；落实政策：到2020年",
                ChineseText.withChinesePunctuation("统筹规划,建设基地(每个不少于50个);落实政策:到2020年"));
        assertEquals("经费1,000元，时间10:30，条款（a） and (b)",
                ChineseText.withChinesePunctuation("经费1,000元,时间10:30,条款(a) and (b)"));
        assertEquals("目标（2020）", ChineseText.withChinesePunctuation("目标(2020)"), "a pair changes together");
        assertEquals("覆盖率保持100%；③推进", ChineseText.withChinesePunctuation("覆盖率保持100%;③推进"),
                "before an enumeration mark");
        assertEquals("第（1）项", ChineseText.withChinesePunctuation("第(1)项"));
        assertEquals("德国工商大会（AHK）的合作", ChineseText.withChinesePunctuation("德国工商大会(AHK)的合作"));
        assertEquals("仍有损坏?的文字", ChineseText.withChinesePunctuation("仍有损坏?的文字"), "a question mark marks damage");
        assertEquals("Luoshi, API (v1)", ChineseText.withChinesePunctuation("Luoshi, API (v1)"));
    }

    @Test
    void enclosedNumbersMarkingListItemsAreNotFoldedIntoTheNumbersAfterThem() {
        // NFKC folds ① to 1 and ⒈ to "1.": the item's number ran into its target (1500家, 1.500家)
        assertEquals("①新增500家、②新建20个", ChineseText.simplified("①新增 500家、②新建２０个"));
        assertEquals("⒈500家", ChineseText.simplified("⒈500家"));
        assertEquals("2020年", ChineseText.simplified("２０２０年"), "full-width digits are still folded");
    }

    @Test
    void simplifiedFormKeepsSpacesBetweenLatinWords() {
        assertEquals("Luoshi API 文档", ChineseText.simplified("Luoshi API 文档"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "各市〔州〕、县〔市〕政府|各市(州)、县(市)政府",
            "各市（州）、县（市）政府|各市(州)、县(市)政府",
            "各市(州)、县(市)政府|各市(州)、县(市)政府",
            "各 县 区 政 府 （ 管 委 ）|各县区政府(管委)"})
    void nameKeysOfBracketVariantsAreEqual(String source, String expected) {
        assertEquals(expected, ChineseText.nameKey(source));
    }
}

package org.luoshi.task.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class UnitListTest {

    @Test
    void unitsCloseAParagraphInABracketAfterALabelOrAfterADash() {
        assertEquals("（省国资委、中国电信湖南分公司负责）", units("推进网络建设。（省国资委、中国电信湖南分公司负责）"),
                "a company is a unit");
        assertEquals("（省广电局、湖南广播电视台负责）", units("加强宣传。（省广电局、湖南广播电视台负责）。"));
        assertEquals("责任单位：市教育局", units("完善评价机制。\n责任单位：市教育局"));
        assertEquals("市教育局、市财政局", units("完善评价机制。——市教育局、市财政局"));
        assertEquals(7, UnitList.at("完善评价机制。——市教育局").orElseThrow().start(), "the content ends before the dash");
        assertEquals("（市教育局牵头，各县（市、区）人民政府负责落实）",
                units("推进产教融合。（市教育局牵头，各县（市、区）人民政府负责落实）"), "what the units are to do after their role");
        assertEquals("（国家发展改革委会同有关部门，各省、自治区、直辖市人民政府负责）",
                units("完善产教融合政策。（国家发展改革委会同有关部门，各省、自治区、直辖市人民政府负责）"));
    }

    @Test
    void contentThatOnlyLooksLikeUnitsIsNone() {
        assertTrue(UnitList.at("建设公共服务平台（含信息平台）。").isEmpty());
        assertTrue(UnitList.at("开展专项整治（重点河段）。").isEmpty(), "段 ends a railway unit's name, not a river's stretch");
        assertTrue(UnitList.at("推动场馆开放（博物馆、纪念馆）。").isEmpty(), "a kind of venue, not a place's museum");
        assertEquals("（市档案馆、岳阳车务段）", units("推进档案数字化。（市档案馆、岳阳车务段）"));
        assertTrue(UnitList.at("实施“1+X”证书制度——职业教育的重要改革。").isEmpty(), "a dash before a phrase");
        assertTrue(UnitList.at("支持企业参与办学（由市教育局统筹）").isEmpty());
        assertTrue(UnitList.at("制定校企合作促进办法（试行）。").isEmpty());
        assertTrue(UnitList.at("建立产教融合工作联席会议制度（联席会议办公室设在市发展改革委）。").isEmpty(), "a sentence about a unit");
        assertTrue(UnitList.at("推进中职学校达标建设（不含技工学校）。").isEmpty());
        assertTrue(UnitList.at("降低企业用能成本（规模以上工业企业）。").isEmpty(), "one kind of enterprise is content");
        assertTrue(UnitList.at("加大融资支持（中小企业）。").isEmpty());
        assertEquals("（市工信局牵头，各基础电信企业负责）", units("推进5G建设。（市工信局牵头，各基础电信企业负责）"),
                "enterprises named as a whole are units");
        assertTrue(UnitList.at("定期调度工作进展（每季度召开一次推进会）。").isEmpty());
        assertTrue(UnitList.at("推动职业教育更好服务经济社会——服务地方经济社会").isEmpty());
        assertEquals("（由市教育局牵头，市财政局、市人社局配合）", units("推进校企合作。（由市教育局牵头，市财政局、市人社局配合）"));
        assertEquals("（市教育局牵头负责）", units("推进校企合作。（市教育局牵头负责）"));
    }

    @Test
    void unitsOpeningATextBeforeAColonAreItsUnitsWhenNothingClosesIt() {
        UnitList opening = UnitList.of("市发展改革委、市经信局：负责培育产教融合型企业。").orElseThrow();
        assertEquals("市发展改革委、市经信局", opening.units());
        assertEquals("负责培育产教融合型企业。", "市发展改革委、市经信局：负责培育产教融合型企业。".substring(opening.end()));
        assertTrue(UnitList.of("学校：要落实办学主体责任。").isEmpty(), "a kind of body, not a unit");
        assertTrue(UnitList.of("职业院校：要深化教学改革。").isEmpty(), "a kind of body, however long its name");
        assertTrue(UnitList.of("高职院校：要扩大招生规模。").isEmpty());
        assertTrue(UnitList.of("技工院校：要落实一体化教学。").isEmpty());
        assertTrue(UnitList.of("社区服务中心：新建社区服务中心10个。").isEmpty(), "the paragraph's topic, which its text repeats");
        assertTrue(UnitList.of("——建成一批现代产业学院。").isEmpty(), "a target after a dash");
        assertEquals("湖南大学", UnitList.of("湖南大学：负责建设现代产业学院。").orElseThrow().units());
        assertTrue(UnitList.of("责任单位：市教育局").orElseThrow().units().startsWith("责任单位"), "a label is no unit");
        assertTrue(UnitList.of("主要目标：到2022年建成示范校5所。").isEmpty());
        assertEquals("（市政府督查室负责）", UnitList.of("市教育局：负责统筹。（市政府督查室负责）").orElseThrow().units(),
                "closing units come first");
    }

    @Test
    void aTimingAfterTheUnitsInsideTheirBracketIsTheTasksDeadlineNotAReasonToDropTheUnits() {
        UnitList units = UnitList.at("整合职业教育资源。（县教育局牵头，县财政局配合；2021年底前完成）").orElseThrow();
        assertEquals("县教育局牵头，县财政局配合", units.units());
        assertEquals("2021年底前完成", units.deadline());
        assertEquals("长期坚持", UnitList.at("加强督导。（县政府督查室负责，长期坚持）").orElseThrow().deadline());
        assertTrue(UnitList.at("开展试点（2019年起，先在3个县开展）。").isEmpty(), "a timing alone is no unit list");
        UnitList first = UnitList.at("整合资源。（2021年底前完成，市教育局负责）").orElseThrow();
        assertEquals("市教育局负责", first.units());
        assertEquals("2021年底前完成", first.deadline());
        assertEquals("2021年底前完成，长期坚持", UnitList.at("整合资源。（市教育局负责，2021年底前完成，长期坚持）").orElseThrow().deadline());
        assertEquals("2021—2023年", UnitList.at("整合资源。（市教育局牵头，市发展改革委配合；2021—2023年）").orElseThrow().deadline());
        assertEquals("2021年6月底前完成全市职业院校布局调整",
                UnitList.at("整合资源。（市教育局负责；2021年6月底前完成全市职业院校布局调整）").orElseThrow().deadline());
        assertTrue(UnitList.at("开展试点（试点县，2021年底前完成）。").isEmpty(), "nor with a place that is no unit");
    }

    @Test
    void placesStandForTheirGovernmentsBesideAUnitOrAsAGroupButNotAlone() {
        assertEquals("（县人武部、军分区负责）", units("加强民兵培训。（县人武部、军分区负责）"));
        assertEquals("（县发展改革委牵头，各乡镇配合）", units("推进校企合作。（县发展改革委牵头，各乡镇配合）"));
        assertEquals("（县政府督查室牵头，各县（市、区）配合）", units("强化督导考核。（县政府督查室牵头，各县（市、区）配合）"));
        assertEquals("（县教育局、县科协、高新区管委会按职责分工负责）", units("建设职教中心。（县教育局、县科协、高新区管委会按职责分工负责）"));
        assertTrue(UnitList.at("开展示范创建（全市）。").isEmpty(), "a place alone in brackets is content");
        assertTrue(UnitList.at("选择试点地区（高新区）。").isEmpty());
    }

    private static String units(String text) {
        Optional<UnitList> units = UnitList.at(text);
        assertTrue(units.isPresent(), "no units found in " + text);
        return units.get().units();
    }
}

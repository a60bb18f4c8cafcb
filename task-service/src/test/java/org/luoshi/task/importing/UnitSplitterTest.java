package org.luoshi.task.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.luoshi.task.api.model.AssignmentKind;

class UnitSplitterTest {

    private static List<String> split(String units) {
        return UnitSplitter.split(units).stream().map(u -> u.rawName() + ":" + u.role()).toList();
    }

    @Test
    void unitsBeforeHuiTongLeadAndAGroupAfterTheCommaIsResponsibleInItsJurisdiction() {
        assertEquals(List.of("省发展改革委:LEAD", "省教育厅:LEAD", "有关部门:PARTICIPANT", "各市州人民政府:RESPONSIBLE"),
                split("省发展改革委、省教育厅会同有关部门，各市州人民政府。"));
    }

    @Test
    void wordsGivingEachUnitItsRemitSpreadOverTheCommasAPlainFuZeDoesNot() {
        assertEquals(List.of("省人社厅:RESPONSIBLE", "省民政厅:RESPONSIBLE", "各市州人民政府:RESPONSIBLE"),
                split("省人社厅、省民政厅，各市州人民政府按职责分工负责"));
        assertEquals(List.of("市住建局:LEAD", "各县市区人民政府:RESPONSIBLE"), split("市住建局，各县市区人民政府负责"));
    }

    @Test
    void namesBetweenALeadAndItsPartnersArePartnersToo() {
        assertEquals(List.of("省工信厅:LEAD", "省科技厅:PARTICIPANT", "深圳市人民政府:PARTICIPANT"),
                split("省工信厅牵头，省科技厅，深圳市人民政府配合"));
        // after a lead with no partners named after them: each in its remit, as before
        assertEquals(List.of("省工信厅:LEAD", "省科技厅:RESPONSIBLE"), split("省工信厅牵头，省科技厅"));
    }

    @Test
    void placesShareOnlyAPeoplesGovernmentClosingTheirList() {
        List<UnitMention> shared = UnitSplitter.split("武汉、襄阳、宜昌市人民政府");
        assertEquals(List.of("武汉市人民政府", "襄阳市人民政府", "宜昌市人民政府"),
                shared.stream().map(u -> u.readings().get(0)).toList());
        // a township's government or a subdistrict office names its own place: no county's level before it
        assertEquals(List.of("县住建局", "禾川镇人民政府", "南湖街道办事处"),
                UnitSplitter.split("县住建局、禾川镇人民政府、南湖街道办事处").stream().map(u -> u.readings().get(0)).toList());
        // a zone named with its place names it; one named bare, or by its kind alone, is the list's level's
        assertEquals(List.of("市商务局", "湘潭经开区管委会", "市高新区管委会", "市经济技术开发区管委会"),
                UnitSplitter.split("市商务局、湘潭经开区管委会、高新区管委会、经济技术开发区管委会").stream()
                        .map(u -> u.readings().get(0)).toList());
        // abbreviations before a zone's 政府 are no places sharing it
        assertEquals(List.of("交警", "城管", "开发区政府"),
                UnitSplitter.split("交警、城管、开发区政府").stream().map(u -> u.readings().get(0)).toList());
    }

    @Test
    void aNamedUnitAfterHuiTongParticipatesAndHeInsideANameOrAfterUnnamedUnitsIsNoSeparator() {
        assertEquals(List.of("省民政厅:LEAD", "有关部门和行业协会:PARTICIPANT", "省农业和农村厅:PARTICIPANT"),
                split("省民政厅会同有关部门和行业协会、省农业和农村厅"));
        assertEquals(List.of("省工业和信息化厅:LEAD", "省文化和旅游厅:RESPONSIBLE"), split("省工业和信息化厅、省文化和旅游厅"));
    }

    @Test
    void heJiYuOrASlashAfterANamedUnitsWholeNameSeparateUnits() {
        assertEquals(List.of("县财政局:RESPONSIBLE", "县教育局:RESPONSIBLE"), split("县财政局及县教育局负责"));
        assertEquals(List.of("市卫生健康委:LEAD", "市医保局:LEAD", "市人力资源和社会保障局:PARTICIPANT"),
                split("市卫生健康委与市医保局牵头，市人力资源和社会保障局配合"));
        assertEquals(List.of("市教育局:LEAD", "市财政局:RESPONSIBLE"), split("市教育局/市财政局"));
        assertEquals(List.of("市住房和城乡建设局:LEAD"), split("市住房和城乡建设局"));
        assertEquals(List.of("各县区人民政府:RESPONSIBLE", "市直有关部门:RESPONSIBLE"), split("各县区人民政府和市直有关部门按职责分工负责"),
                "after a whole government group too");
    }

    @Test
    void rolesWrittenTogetherWithFuZeAndUnitsIntroducedByYou() {
        assertEquals(List.of("市教育局:LEAD"), split("市教育局牵头负责"));
        assertEquals(List.of("市教育局:LEAD", "市财政局:PARTICIPANT"), split("市教育局牵头，市财政局配合负责"));
        assertEquals(List.of("市教育局:RESPONSIBLE", "市人社局:RESPONSIBLE"), split("市教育局、市人社局分工负责"));
        assertEquals(List.of("市教育局:LEAD", "市财政局:PARTICIPANT", "市人社局:PARTICIPANT"),
                split("由市教育局牵头，市财政局、市人社局配合"));
    }

    @Test
    void whatTheUnitsAreToDoAfterTheirRoleIsNoPartOfTheirNames() {
        assertEquals(List.of("市教育局:LEAD", "各县（市、区）人民政府:RESPONSIBLE"), split("（市教育局牵头，各县（市、区）人民政府负责落实）"));
        assertEquals(List.of("市教育局:LEAD"), split("市教育局牵头落实"));
        assertEquals(List.of("怀化市教育局:LEAD", "会同县人民政府:PARTICIPANT"), split("怀化市教育局会同会同县人民政府"),
                "会同县 is a county");
        assertEquals(List.of("会同县教育局:RESPONSIBLE"), split("会同县教育局负责"));
        assertEquals(List.of("市民政局:LEAD", "县（市、区）人民政府:PARTICIPANT"), split("市民政局会同县（市、区）人民政府"),
                "together with the counties");
        assertEquals(List.of("市发展改革委:LEAD", "市财政局:PARTICIPANT"), split("市发展改革委牵头实施，市财政局配合落实"));
    }

    @Test
    void aSecondLabelOnTheLineOfTheFirstStartsAClauseOfItsOwn() {
        assertEquals(List.of("市教育局:LEAD", "市财政局:PARTICIPANT", "市人社局:PARTICIPANT"),
                split("牵头单位：市教育局    配合单位：市财政局、市人社局"));
        assertEquals(List.of("市教育局:LEAD", "市财政局:PARTICIPANT"), split("牵头单位：市教育局配合单位：市财政局"));
    }

    @Test
    void theStateCouncilsProvincialGovernmentsAreOneGroup() {
        assertEquals(List.of("国家发展改革委:LEAD", "有关部门:PARTICIPANT", "各省、自治区、直辖市人民政府:RESPONSIBLE"),
                split("国家发展改革委会同有关部门，各省、自治区、直辖市人民政府负责"));
        assertEquals(AssignmentKind.GROUP, UnitSplitter.split("各省、自治区、直辖市人民政府").get(0).kind());
    }

    @Test
    void leadAndParticipantClausesInsideTheEnclosingParenthesis() {
        assertEquals(List.of("省教育厅:LEAD", "省发展改革委:LEAD", "省财政厅:PARTICIPANT", "省国资委:PARTICIPANT"),
                split("（省教育厅、省发展改革委牵头，省财政厅、省国资委参与）"));
    }

    @Test
    void aRoleMarkedAfterOneNameGivesItThatRoleAndTheNamesBesideItTheOther() {
        assertEquals(List.of("市发展改革委:LEAD", "市教育局:PARTICIPANT", "市财政局:PARTICIPANT"),
                split("市发展改革委（牵头）、市教育局、市财政局"));
        assertEquals(List.of("市教育局:LEAD", "市财政局:PARTICIPANT"), split("市教育局、市财政局(配合)"));
        assertEquals(List.of("省人社厅:LEAD", "省教育厅:PARTICIPANT"), split("牵头单位：省人社厅（牵头）、省教育厅"),
                "a mark is more specific than the column's label");
        assertEquals(List.of("市人社局:LEAD", "市教育局:PARTICIPANT", "各县区政府（管委）:RESPONSIBLE"),
                split("市人社局（牵头单位）、市教育局，各县区政府（管委）"), "a qualifier that is no role stays in the name");
    }

    @Test
    void aClauseWithoutRoleWordsAfterALeadIsResponsibleEachWithinItsRemit() {
        assertEquals(List.of("市人社局:LEAD", "市教育局:RESPONSIBLE"), split("市人社局（牵头），市教育局"));
        assertEquals(List.of("市人社局:LEAD", "市教育局:RESPONSIBLE", "市财政局:RESPONSIBLE"),
                split("市人社局牵头，市教育局、市财政局"));
        assertEquals(List.of("市人社局:LEAD", "有关部门:RESPONSIBLE", "各县区政府:RESPONSIBLE"),
                split("市人社局牵头，有关部门、各县区政府"));
    }

    @Test
    void shortAndOtherLabelsGiveTheirRolesAndAreNotPartOfTheNames() {
        assertEquals(List.of("省教育厅:LEAD", "省财政厅:PARTICIPANT", "省人力社保厅:PARTICIPANT"),
                split("牵头：省教育厅；配合：省财政厅、省人力社保厅"));
        assertEquals(List.of("省财政厅:LEAD", "省税务局:PARTICIPANT"), split("主责单位：省财政厅；协同单位：省税务局"));
    }

    @Test
    void aGovernmentGroupWithBracketsAndACommaInsideStaysOneMention() {
        List<UnitMention> units = UnitSplitter.split("省发展改革委、省教育厅等省直有关部门和各市〔州〕、县〔市〕政府按职责分工负责");
        assertEquals(List.of("省发展改革委:RESPONSIBLE", "省教育厅:RESPONSIBLE", "省直有关部门:RESPONSIBLE",
                "各市〔州〕、县〔市〕政府:RESPONSIBLE"), units.stream().map(u -> u.rawName() + ":" + u.role()).toList());
        assertEquals(List.of(AssignmentKind.AGENCY, AssignmentKind.AGENCY, AssignmentKind.UNSPECIFIED, AssignmentKind.GROUP),
                units.stream().map(UnitMention::kind).toList());
        assertEquals(List.of(1, 2, 3, 4), units.stream().map(UnitMention::order).toList());
    }

    @Test
    void anAutonomousRegionsLevelIsImpliedAsAProvincesIs() {
        List<UnitMention> units = UnitSplitter.split("自治区能源局、发展改革委、工业和信息化厅按职责分工负责");
        assertEquals(java.util.Arrays.asList(null, "自治区发展改革委", "自治区工业和信息化厅"),
                units.stream().map(UnitMention::impliedName).toList());
    }

    @Test
    void theDepartmentsOfAKindAreNotNamedOneByOne() {
        List<UnitMention> units = UnitSplitter.split("市司法局牵头，市直各行政执法部门配合");
        assertEquals(List.of(AssignmentKind.AGENCY, AssignmentKind.UNSPECIFIED), units.stream().map(UnitMention::kind).toList(),
                "市直各行政执法部门 was a unit to resolve");
        assertEquals(AssignmentKind.GROUP, UnitSplitter.kindOf("各县市区人民政府"));
        assertEquals(AssignmentKind.UNSPECIFIED, UnitSplitter.kindOf("各成员单位"), "as 市安委会各成员单位");
    }

    @Test
    void bracketedQualifiersAreNeverCut() {
        assertEquals(List.of("市教育局:LEAD", "市编办:RESPONSIBLE", "各县区政府（管委）:RESPONSIBLE"),
                split("市教育局、市编办，各县区政府（管委）"));
        assertEquals(List.of("各市（州）、县（市）人民政府:RESPONSIBLE"), split("各市（州）、县（市）人民政府按职责分工负责"));
    }

    @Test
    void etCeteraOfUnnamedDepartmentsIsDroppedWhenItNamesNothing() {
        assertEquals(List.of("省教育厅:LEAD", "省财政厅:PARTICIPANT", "各市〔州〕、县〔市〕政府:PARTICIPANT"),
                split("省教育厅牵头，省财政厅等部门和各市〔州〕、县〔市〕政府参与"));
    }

    @Test
    void aGradeWithDengIsPartOfTheNameNotAnEtCetera() {
        assertEquals(List.of("高等教育处:LEAD", "基础教育处:RESPONSIBLE", "中等职业学校:RESPONSIBLE"),
                split("高等教育处、基础教育处、中等职业学校"));
        assertEquals(List.of("省教育厅:LEAD", "省财政厅:RESPONSIBLE"), split("省教育厅、省财政厅等部门"),
                "等部门 after a name is still an et cetera");
    }

    @Test
    void eachResponsibleWithinItsRemit() {
        assertEquals(List.of("省教育厅:RESPONSIBLE", "省财政厅:RESPONSIBLE"), split("省教育厅、省财政厅各负其责"));
        assertEquals(List.of("省教育厅:RESPONSIBLE"), split("（省教育厅负责）"));
    }

    @Test
    void aPlainListIsLedByItsFirstNamedUnit() {
        assertEquals(List.of("省财政厅:LEAD", "省税务局:RESPONSIBLE", "省自然资源厅:RESPONSIBLE", "各市州人民政府:RESPONSIBLE"),
                split("省财政厅、省税务局、省自然资源厅，各市州人民政府。"));
        assertEquals(List.of("各市州人民政府:LEAD", "省教育厅:RESPONSIBLE"), split("各市州人民政府、省教育厅"));
        assertEquals(List.of("有关部门和行业协会:RESPONSIBLE", "市国资委:LEAD", "市工商联:RESPONSIBLE",
                "各县区政府(管委):RESPONSIBLE"), split("有关部门和行业协会,市国资委、市工商联,各县区政府(管委)"));
    }

    @Test
    void traditionalListsSplitOnTheSameWordsAndKeepTheirSpelling() {
        assertEquals(List.of("市發改委:LEAD", "市教育局:LEAD", "相關部門:PARTICIPANT", "各縣區政府:RESPONSIBLE"),
                split("市發改委、市教育局會同相關部門，各縣區政府"));
    }

    @Test
    void anzhaoZhizeFenGongFuzeIsARoleAndNotPartOfTheLastName() {
        assertEquals(List.of("省教育厅:RESPONSIBLE", "省财政厅:RESPONSIBLE"), split("省教育厅、省财政厅按照职责分工负责"));
        assertEquals(List.of("省教育厅:RESPONSIBLE"), split("省教育厅依职责落实"));
    }

    @Test
    void aListWritingTheLevelOnceImpliesItForTheNamesAfterWithoutOne() {
        List<UnitMention> units = UnitSplitter.split("省教育厅、发展改革委、人力资源社会保障厅按照职责分工负责");
        assertEquals(List.of("省教育厅", "发展改革委", "人力资源社会保障厅"), units.stream().map(UnitMention::rawName).toList());
        assertEquals(java.util.Arrays.asList(null, "省发展改革委", "省人力资源社会保障厅"),
                units.stream().map(UnitMention::impliedName).toList());
        assertEquals(List.of("省发展改革委", "发展改革委"), units.get(1).readings(), "the implied reading first");
        List<UnitMention> national = UnitSplitter.split("市教育局牵头，国家税务总局六安市税务局、财政局参与");
        assertEquals(java.util.Arrays.asList(null, null, "市财政局"), national.stream().map(UnitMention::impliedName).toList());
        List<UnitMention> market = UnitSplitter.split("省发展改革委、市场监管局、财政厅");
        assertEquals(java.util.Arrays.asList(null, "省市场监管局", "省财政厅"), market.stream().map(UnitMention::impliedName).toList(),
                "市场 is no level");
    }

    @Test
    void labelsGiveTheirClauseARole() {
        assertEquals(List.of("市发改委:LEAD", "市财政局:PARTICIPANT", "市税务局:PARTICIPANT"),
                split("[牵头单位:市发改委;配合单位:市财政局、市税务局]"));
        assertEquals(List.of("市教育局:LEAD", "市国资委:RESPONSIBLE", "各县区政府（管委）:RESPONSIBLE"),
                split("【责任单位：市教育局、市国资委，各县区政府（管委）】"));
    }

    @Test
    void aListOfGroupsAndUnnamedUnitsOnlyIsResponsible() {
        assertEquals(List.of("有关省级人民政府:RESPONSIBLE"), split("有关省级人民政府"));
        assertEquals(List.of("各市州人民政府:RESPONSIBLE", "有关部门:RESPONSIBLE"), split("各市州人民政府、有关部门"));
    }

    @Test
    void ocrSpacesAreNotPartOfNames() {
        assertEquals(List.of("省教育厅:LEAD", "省国资委:PARTICIPANT"), split("省 教育 厅 牵 头 ， 省 国 资 委 参与"));
    }

    /** Role words found in review 35: before, each left its words in a name, or lost the list (and its task) in prose. */
    @Test
    void overallAndMainResponsibilityGuidanceAndImplementationAreRoles() {
        assertEquals(List.of("市住建局:LEAD", "市自然资源和规划局:PARTICIPANT", "市应急管理局:PARTICIPANT"),
                split("市住建局负总责，市自然资源和规划局、市应急管理局配合"));
        assertEquals(List.of("各县区人民政府:LEAD", "市农业农村局:PARTICIPANT", "市财政局:PARTICIPANT"),
                split("各县区人民政府负总责，市农业农村局、市财政局指导"));
        assertEquals(List.of("市住建局:LEAD", "市城管局:PARTICIPANT", "市水利局:PARTICIPANT", "各县市区人民政府:RESPONSIBLE"),
                split("由市住建局牵头，市城管局、市水利局配合，各县市区人民政府负责具体实施"));
        assertEquals(List.of("市教育局:LEAD", "各县区人民政府:RESPONSIBLE"), split("市教育局按职责分工牵头，各县区人民政府负主体责任"));
        assertEquals(List.of("县城管局:LEAD", "各乡镇（街道）:RESPONSIBLE", "各村（社区）:RESPONSIBLE"),
                split("县城管局牵头，各乡镇（街道）负责，各村（社区）具体落实"));
        // guidance with a verb before it is one role word, never part of the name
        assertEquals(List.of("省教育厅:RESPONSIBLE"), split("省教育厅负责指导"));
        assertEquals(List.of("市农业农村局:LEAD", "各县市区人民政府:RESPONSIBLE"), split("市农业农村局牵头指导，各县市区人民政府组织实施"));
        assertEquals(List.of("省发展改革委:LEAD", "省卫生健康委:PARTICIPANT"), split("省发展改革委统筹指导，省卫生健康委业务指导"));
        assertEquals(List.of("市住建局:LEAD", "市直有关部门:PARTICIPANT"), split("市住建局牵头，市直有关部门按职责分工配合"));
    }

    @Test
    void roleWordsCloseTheirClauseBeforeAnEnumerationComma() {
        assertEquals(List.of("市民政局:LEAD", "市直有关单位:PARTICIPANT"), split("市民政局牵头、市直有关单位配合"));
        assertEquals(List.of("市卫生健康委:LEAD", "市发展改革委:PARTICIPANT", "茅箭区人民政府:RESPONSIBLE"),
                split("由市卫生健康委牵头、市发展改革委配合，茅箭区人民政府落实"));
    }

    @Test
    void namesBetweenAUnitResponsibleForTheWholeTaskAndThePartnersArePartners() {
        assertEquals(List.of("市农业农村局:RESPONSIBLE", "市人社局:PARTICIPANT", "市教育局:PARTICIPANT", "永州职业技术学院:PARTICIPANT"),
                split("市农业农村局负责；市人社局、市教育局，永州职业技术学院参与"));
        // responsible each within its remit stands for no lead
        assertEquals(List.of("省教育厅:RESPONSIBLE", "省财政厅:RESPONSIBLE", "省人社厅:RESPONSIBLE", "省民政厅:PARTICIPANT"),
                split("省教育厅、省财政厅按职责分工负责，省人社厅，省民政厅配合"));
    }

    @Test
    void theGovernmentsOfCitiesWithDistrictsAndOfCountiesAreOneGroup() {
        assertEquals(List.of("各设区市、县（市、区）人民政府:RESPONSIBLE"), split("各设区市、县（市、区）人民政府"));
        List<UnitMention> offices = UnitSplitter.split("各镇人民政府、街道办事处负责");
        assertEquals(List.of(AssignmentKind.GROUP, AssignmentKind.GROUP), offices.stream().map(UnitMention::kind).toList(),
                "the 各 covers the offices too");
        assertEquals("各街道办事处", offices.get(1).impliedName());
        assertEquals(AssignmentKind.AGENCY, UnitSplitter.split("市民政局、街道办事处").get(1).kind(), "without 各, one office");
        assertEquals(List.of("各省、自治区、直辖市发展改革委:PARTICIPANT"), split("各省、自治区、直辖市发展改革委配合"));
        assertEquals(List.of("各乡镇（街道）:PARTICIPANT", "市教育局:LEAD"), split("各乡镇（街道）、市教育局（牵头）"),
                "a department after other places is a unit of its own");
    }

    @Test
    void aPersonNamedInBracketsAfterAUnitIsNoPartOfItsName() {
        assertEquals(List.of("市经济和信息化局:LEAD", "江陵县人民政府:RESPONSIBLE"), split("市经济和信息化局（周某某）、江陵县人民政府（陈某某）"));
        assertEquals(List.of("各县区政府（管委）:LEAD", "市发展改革委（市国动办）:RESPONSIBLE", "各乡镇（街道）:RESPONSIBLE"),
                split("各县区政府（管委）、市发展改革委（市国动办）、各乡镇（街道）"), "qualifiers and aliases stay");
        assertEquals(List.of("市财政局（本级）:LEAD", "市文旅局（文物）:RESPONSIBLE", "县林业局（林场）:RESPONSIBLE"),
                split("市财政局（本级）、市文旅局（文物）、县林业局（林场）"), "words opening as surnames do are qualifiers");
        assertEquals(List.of("市教育局:LEAD", "市财政局:PARTICIPANT", "市民政局:PARTICIPANT"),
                split("市教育局（主责）、市财政局（协助）、市民政局（协同）"), "roles in brackets");
        assertEquals("各省", split("各省、自治区、直辖市及国务院有关部委").get(0).split(":")[0],
                "the provinces' departments never run on into the next unit");
        assertEquals(java.util.Arrays.asList(null, null), UnitSplitter.split("市公安局、武警怀化支队").stream()
                .map(UnitMention::impliedName).toList(), "the armed police are no city's");
    }
}

package org.luoshi.agency.naming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.luoshi.agency.api.model.AgencyRef;
import org.luoshi.agency.api.model.AgencyStatus;
import org.luoshi.agency.api.model.Classification;
import org.luoshi.agency.api.model.Level;
import org.luoshi.agency.api.model.Resolution;
import org.luoshi.agency.api.model.ResolutionKind;
import org.luoshi.agency.registry.Agency;

class NameResolverTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    private final List<Agency> agencies = new ArrayList<>();

    private Agency add(String name, Classification classification, Level level, String division, Agency parent) {
        Agency agency = new Agency();
        agency.id = UUID.nameUUIDFromBytes(name.getBytes());
        agency.name = name;
        agency.classification = classification;
        agency.level = level;
        agency.divisionCode = division;
        agency.parentId = parent == null ? null : parent.id;
        agency.status = AgencyStatus.ACTIVE;
        agencies.add(agency);
        return agency;
    }

    private NameIndex directory() {
        Agency hunan = add("湖南省人民政府", Classification.GOVERNMENT, Level.PROVINCE, "430000", null);
        add("湖南省教育厅", Classification.DEPARTMENT, Level.PROVINCE, "430000", hunan);
        Agency development = add("湖南省发展和改革委员会", Classification.DEPARTMENT, Level.PROVINCE, "430000", hunan);
        development.shortName = "湖南省发展改革委";
        development.otherNames.add(new Agency.NameEntry("湖南省发改委", "SHORT"));
        Agency industry = add("湖南省工业和信息化厅", Classification.DEPARTMENT, Level.PROVINCE, "430000", hunan);
        industry.otherNames.add(new Agency.NameEntry("湖南省工业信息化厅", "VARIANT"));
        add("长沙市人民政府", Classification.GOVERNMENT, Level.PREFECTURE, "430100", hunan);
        add("湘西土家族苗族自治州人民政府", Classification.GOVERNMENT, Level.PREFECTURE, "433100", hunan);
        add("长沙市教育局", Classification.DEPARTMENT, Level.PREFECTURE, "430100", null);
        Agency college = add("湖南工业职业技术学院", Classification.SCHOOL, Level.PROVINCE, "430000", hunan);
        college.identifiers.add(new Agency.IdentifierEntry("kind", "HIGHER_VOCATIONAL"));
        Agency jilin = add("吉林省人民政府", Classification.GOVERNMENT, Level.PROVINCE, "220000", null);
        add("吉林省教育厅", Classification.DEPARTMENT, Level.PROVINCE, "220000", jilin);
        Agency luan = add("六安市人民政府", Classification.GOVERNMENT, Level.PREFECTURE, "341500", null);
        Agency hr = add("六安市人力资源和社会保障局", Classification.DEPARTMENT, Level.PREFECTURE, "341500", luan);
        hr.shortName = "六安市人社局";
        add("金安区人民政府", Classification.GOVERNMENT, Level.COUNTY, "341502", luan);
        add("霍山县人民政府", Classification.GOVERNMENT, Level.COUNTY, "341525", luan);
        add("六安经济技术开发区管理委员会", Classification.ADMIN_COMMITTEE, Level.COUNTY, "341500", luan);
        Agency land = add("六安市国土资源局", Classification.DEPARTMENT, Level.PREFECTURE, "341500", luan);
        land.otherNames.add(new Agency.NameEntry("六安市国土局", "SHORT"));
        Agency nature = add("六安市自然资源和规划局", Classification.DEPARTMENT, Level.PREFECTURE, "341500", luan);
        nature.foundingDate = LocalDate.of(2019, 1, 28);
        land.status = AgencyStatus.DISSOLVED;
        land.dissolutionDate = nature.foundingDate;
        land.successorIds.add(nature.id);
        // renamed twice: 银监分局 (2018) → 银保监分局 (2023) → 金融监管分局
        Agency banking = add("中国银行业监督管理委员会六安监管分局", Classification.CENTRAL_BRANCH, Level.PREFECTURE, "341500", null);
        banking.shortName = "六安银监分局";
        Agency insurance = add("中国银行保险监督管理委员会六安监管分局", Classification.CENTRAL_BRANCH, Level.PREFECTURE, "341500", null);
        Agency finance = add("国家金融监督管理总局六安监管分局", Classification.CENTRAL_BRANCH, Level.PREFECTURE, "341500", null);
        end(banking, LocalDate.of(2018, 12, 1), insurance);
        end(insurance, LocalDate.of(2023, 11, 1), finance);
        // split in two
        Agency agriculture = add("六安市农业委员会", Classification.DEPARTMENT, Level.PREFECTURE, "341500", luan);
        Agency farming = add("六安市农业农村局", Classification.DEPARTMENT, Level.PREFECTURE, "341500", luan);
        Agency forestry = add("六安市林业局", Classification.DEPARTMENT, Level.PREFECTURE, "341500", luan);
        end(agriculture, LocalDate.of(2019, 1, 28), farming, forestry);
        return new NameIndex(agencies);
    }

    private static void end(Agency ended, LocalDate on, Agency... successors) {
        ended.status = AgencyStatus.DISSOLVED;
        ended.dissolutionDate = on;
        for (Agency successor : successors) {
            successor.foundingDate = on;
            ended.successorIds.add(successor.id);
        }
    }

    private Optional<Resolution> resolve(String name, String jurisdiction) {
        return NameResolver.resolve(directory(), name, jurisdiction, TODAY, false);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "湖南省教育厅|430000|湖南省教育厅|NAME",
            "省 教育 厅|430000|湖南省教育厅|RELATIVE_NAME",
            "省教育厅|220000|吉林省教育厅|RELATIVE_NAME",
            "省發改委|430000|湖南省发展和改革委员会|RELATIVE_NAME",
            "湖南省发展改革委|430000|湖南省发展和改革委员会|SHORT_NAME",
            "省工业信息化厅|430000|湖南省工业和信息化厅|RELATIVE_NAME",
            "市人社局|341500|六安市人力资源和社会保障局|RELATIVE_NAME",
            "市人力资源和社会保障局。|341500|六安市人力资源和社会保障局|RELATIVE_NAME",
            "长沙市教育局|430000|长沙市教育局|NAME"})
    void namesResolveToOneAgencyInTheirJurisdiction(String name, String jurisdiction, String expected, String by) {
        Resolution resolution = resolve(name, jurisdiction).orElseThrow();
        assertEquals(ResolutionKind.AGENCY, resolution.getKind());
        assertEquals(expected, resolution.getName());
        assertEquals(by, resolution.getMatchedBy().toString());
    }

    @Test
    void aUnitOfAnotherProvinceNeverAnswersForThisOne() {
        assertTrue(resolve("湖南省教育厅", "341500").isEmpty());
        assertTrue(resolve("市教育局", "430000").isEmpty(), "a relative city name means nothing in a province document");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "各市州人民政府|430000|长沙市人民政府、湘西土家族苗族自治州人民政府",
            "各市〔州〕人民政府|430000|长沙市人民政府、湘西土家族苗族自治州人民政府",
            "各县区政府（管委）|341500|六安经济技术开发区管理委员会、金安区人民政府、霍山县人民政府",
            "各县、区人民政府|341500|金安区人民政府、霍山县人民政府",
            "各设区市、县（市、区）人民政府|341500|六安市人民政府、金安区人民政府、霍山县人民政府",
            "各不设区的市人民政府|341500|金安区人民政府、霍山县人民政府",
            "各高职院校|430000|湖南工业职业技术学院"})
    void groupsResolveToTheirMembersFromTheHierarchy(String name, String jurisdiction, String members) {
        Resolution resolution = resolve(name, jurisdiction).orElseThrow();
        assertEquals(ResolutionKind.GROUP, resolution.getKind());
        assertEquals(List.of(members.split("、")), resolution.getMembers().stream().map(AgencyRef::getName).toList());
    }

    @Test
    void aGroupAnswersTheRuleItsMembersFollowToo() {
        Resolution prefectures = resolve("各市州人民政府", "430000").orElseThrow();
        assertEquals("430000", prefectures.getMemberRule().getJurisdiction());
        assertEquals(List.of("PREFECTURE"), prefectures.getMemberRule().getLevels().stream().map(Object::toString).toList());
        assertEquals(List.of("GOVERNMENT"), prefectures.getMemberRule().getClassifications());
        assertNull(prefectures.getMemberRule().getIdentifierKind());

        Resolution counties = resolve("各县区政府（管委）", "341500").orElseThrow();
        assertEquals("341500", counties.getMemberRule().getJurisdiction());
        assertEquals(List.of("COUNTY"), counties.getMemberRule().getLevels().stream().map(Object::toString).toList());
        assertEquals(List.of("GOVERNMENT", "ADMIN_COMMITTEE"), counties.getMemberRule().getClassifications());
        assertEquals("HIGHER_VOCATIONAL", resolve("各高职院校", "430000").orElseThrow().getMemberRule().getIdentifierKind());
        assertNull(resolve("有关部门", "430000").orElseThrow().getMemberRule(), "an unspecified reference has no members");
    }

    @ParameterizedTest
    @CsvSource({"有关部门", "省直有关部门", "市有关部门", "相关部门", "行业协会", "有关部门和行业协会"})
    void unnamedReferencesAreUnspecified(String name) {
        assertEquals(ResolutionKind.UNSPECIFIED, resolve(name, "430000").orElseThrow().getKind());
    }

    @Test
    void aFormerUnitResolvesToItselfOrItsSuccessor() {
        NameIndex ix = directory();
        Resolution before = NameResolver.resolve(ix, "市国土局", "341500", LocalDate.of(2018, 6, 1), false).orElseThrow();
        assertEquals("六安市国土资源局", before.getName());
        Resolution after = NameResolver.resolve(ix, "市国土局", "341500", LocalDate.of(2020, 1, 1), false).orElseThrow();
        assertEquals("六安市国土资源局", after.getName());
        assertEquals(1, after.getSuccessorIds().size());
        Resolution followed = NameResolver.resolve(ix, "市国土局", "341500", LocalDate.of(2020, 1, 1), true).orElseThrow();
        assertEquals("六安市自然资源和规划局", followed.getName());
        assertEquals("SUCCESSOR", followed.getMatchedBy().toString());
    }

    @Test
    void successorsAreFollowedThroughEveryRenameButNotIntoASplit() {
        NameIndex ix = directory();
        // before, one step only: the answer was the 银保监分局, itself ended in 2023
        Resolution followed = NameResolver.resolve(ix, "六安银监分局", "341500", TODAY, true).orElseThrow();
        assertEquals("国家金融监督管理总局六安监管分局", followed.getName());
        assertEquals("SUCCESSOR", followed.getMatchedBy().toString());
        Resolution in2020 = NameResolver.resolve(ix, "六安银监分局", "341500", LocalDate.of(2020, 1, 1), true).orElseThrow();
        assertEquals("中国银行保险监督管理委员会六安监管分局", in2020.getName());

        // a split: the split unit with both successors, not silently the first
        Resolution split = NameResolver.resolve(ix, "市农业委员会", "341500", TODAY, true).orElseThrow();
        assertEquals("六安市农业委员会", split.getName());
        assertEquals(2, split.getSuccessorIds().size());
    }

    @Test
    void anUnknownNameIsNotGuessed() {
        assertTrue(resolve("省宇宙开发厅", "430000").isEmpty());
    }
}

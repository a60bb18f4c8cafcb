package org.luoshi.task.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.luoshi.common.model.MemberRule;
import org.luoshi.platform.division.DivisionCodes;

/**
 * A rule met as agency-service means it: the division codes' table (DivisionCodes, which agency-service's
 * Jurisdictions uses too) and the rule's levels, classifications and status, on the replica's side.
 */
class MemberRulesTest {

    @ParameterizedTest
    @CsvSource({
            "430100, 430000, true", "431102, 430000, true", "430000, 430000, true", "220100, 430000, false",
            "100000, 430000, false", "341502, 341500, true", "341500, 341500, true", "341600, 341500, false",
            "341502, 341502, true", "341503, 341502, false", "430000, 100000, true", "100000, 100000, true"})
    void aCodeLiesWithinAJurisdictionAsAgencyServiceReadsIt(String code, String jurisdiction, boolean within) {
        assertEquals(within, DivisionCodes.within(code, jurisdiction));
    }

    private static final MemberRule PREFECTURES = new MemberRule("430000", List.of(MemberRule.LevelsEnum.PREFECTURE),
            List.of("GOVERNMENT"));

    @Test
    void aUnitMeetsTheRuleByLevelClassificationDivisionAndBeingActive() {
        assertTrue(MemberRules.meets(PREFECTURES, new MemberRules.Placement("PREFECTURE", "GOVERNMENT", "430300", true)));
        assertFalse(MemberRules.meets(PREFECTURES, new MemberRules.Placement("COUNTY", "GOVERNMENT", "430302", true)));
        assertFalse(MemberRules.meets(PREFECTURES, new MemberRules.Placement("PREFECTURE", "DEPARTMENT", "430300", true)));
        assertFalse(MemberRules.meets(PREFECTURES, new MemberRules.Placement("PREFECTURE", "GOVERNMENT", "220200", true)));
        assertFalse(MemberRules.meets(PREFECTURES, new MemberRules.Placement("PREFECTURE", "GOVERNMENT", "430300", false)));
        assertFalse(MemberRules.meets(PREFECTURES, new MemberRules.Placement(null, "GOVERNMENT", "430300", true)),
                "a unit whose level the replica does not know yet");
        assertFalse(MemberRules.meets(PREFECTURES, null), "a unit new to the replica met no rule before");
    }

    @Test
    void aRuleAskingForAKindMeansTheUnitsOfThatKindAndAnUnreadableRuleIsNone() {
        MemberRule colleges = new MemberRule("430000", List.of(MemberRule.LevelsEnum.PROVINCE), List.of("SCHOOL"))
                .identifierKind("HIGHER_VOCATIONAL");
        assertTrue(MemberRules.followable(colleges));
        assertTrue(MemberRules.meets(colleges, new MemberRules.Placement("PROVINCE", "SCHOOL", "430000", true,
                java.util.Set.of("HIGHER_VOCATIONAL"))));
        assertFalse(MemberRules.meets(colleges, new MemberRules.Placement("PROVINCE", "SCHOOL", "430000", true,
                java.util.Set.of("UNDERGRADUATE"))), "a school of another kind");
        assertFalse(MemberRules.meets(colleges, new MemberRules.Placement("PROVINCE", "SCHOOL", "430000", true)),
                "a unit whose kinds the replica does not know yet");
        assertTrue(MemberRules.meets(PREFECTURES, new MemberRules.Placement("PREFECTURE", "GOVERNMENT", "430300", true,
                java.util.Set.of("HIGHER_VOCATIONAL"))), "a rule without a kind asks for none");
        org.luoshi.events.model.AgencySnapshot snapshot = new org.luoshi.events.model.AgencySnapshot(java.util.UUID.randomUUID(),
                "湖南铁道职业技术学院", "SCHOOL", "PROVINCE", "430000", org.luoshi.events.model.AgencySnapshot.StatusEnum.ACTIVE, 0L)
                .identifiers(List.of(new org.luoshi.events.model.AgencyIdentifier("kind", "HIGHER_VOCATIONAL"),
                        new org.luoshi.events.model.AgencyIdentifier("uscc", "12430000444876271X")));
        assertEquals(java.util.Set.of("HIGHER_VOCATIONAL"),
                MemberRules.Placement.of(snapshot, java.time.LocalDate.of(2026, 1, 1)).kinds());
        assertNull(MemberRules.read("{\"jurisdiction\": \"430000\", \"levels\": [\"GALAXY\"]"), "not JSON: no rule");
        assertEquals(PREFECTURES.getJurisdiction(), MemberRules.read(MemberRules.write(PREFECTURES)).getJurisdiction());
    }
}

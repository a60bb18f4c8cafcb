package org.luoshi.task.tracking;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.luoshi.common.model.MemberRule;
import org.luoshi.events.model.AgencySnapshot;

/**
 * A GROUP assignment's rule for its members (各市州人民政府: the prefecture governments within 430000), as stored with the
 * assignment, and whether an agency of the replica meets it. A rule that asks for an identifier (各高职院校) is never met
 * here: the replica does not hold identifiers, so such a group keeps the members it was given.
 */
public final class MemberRules {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    /** GB/T 2260 code of the national level, within which every code lies. */
    private static final String NATIONAL = "100000";

    private MemberRules() {
    }

    public static String write(MemberRule rule) {
        try {
            return rule == null ? null : JSON.writeValueAsString(rule);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a member rule is always written as JSON", e);
        }
    }

    public static MemberRule read(String json) {
        try {
            return json == null ? null : JSON.readValue(json, MemberRule.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored member rule is not JSON: " + json, e);
        }
    }

    /** Whether the rule can be followed with what the replica knows of agencies. */
    public static boolean followable(MemberRule rule) {
        return rule != null && rule.getIdentifierKind() == null && rule.getJurisdiction() != null
                && rule.getLevels() != null && rule.getClassifications() != null;
    }

    /** Whether an active agency, as its snapshot shows it, is one the rule means. */
    public static boolean meets(MemberRule rule, AgencySnapshot agency) {
        return followable(rule) && agency.getStatus() == AgencySnapshot.StatusEnum.ACTIVE
                && agency.getLevel() != null && agency.getDivisionCode() != null
                && rule.getLevels().stream().anyMatch(level -> level.toString().equals(agency.getLevel()))
                && rule.getClassifications().contains(agency.getClassification())
                && within(agency.getDivisionCode(), rule.getJurisdiction());
    }

    /** Whether a division code lies within (or is) the jurisdiction: 430000 covers 43xxxx, 341500 covers 3415xx. */
    static boolean within(String code, String jurisdiction) {
        if (NATIONAL.equals(jurisdiction)) {
            return true;
        }
        if (jurisdiction.endsWith("0000")) {
            return code.startsWith(jurisdiction.substring(0, 2)) && !NATIONAL.equals(code);
        }
        if (jurisdiction.endsWith("00")) {
            return code.startsWith(jurisdiction.substring(0, 4));
        }
        return code.equals(jurisdiction);
    }
}

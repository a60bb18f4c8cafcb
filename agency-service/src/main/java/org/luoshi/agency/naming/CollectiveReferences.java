package org.luoshi.agency.naming;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.luoshi.agency.api.model.Classification;
import org.luoshi.agency.api.model.Level;

/**
 * The collective references documents use instead of naming units. A group (各市州人民政府, 各县区政府（管委）,
 * 各高职院校) is described by levels and classifications, and its members come from the hierarchy, never from a
 * hand-kept list. An unspecified reference (有关部门, 省直有关部门, 行业协会) has no members that could be listed.
 */
final class CollectiveReferences {

    static final String HIGHER_VOCATIONAL = "HIGHER_VOCATIONAL";

    private static final Pattern UNSPECIFIED = Pattern.compile(
            "^各?(省直|市直|县直|区直|省|市|县|区|中央|国家)?(其他)?(有关|相关)(部门|单位|方面|机构)(和|及|、)?(有关|相关)?(行业协会|行业组织)?$"
                    + "|^(有关|相关)?(行业协会|行业组织|社会组织)$");
    private static final Pattern GOVERNMENTS = Pattern.compile("^各(.+?)(人民政府|政府)(\\((管委|管委会)\\))?$");
    private static final Pattern SUBDIVIDED_CITY = Pattern.compile("设区的?市");
    private static final Pattern UNDIVIDED_CITY = Pattern.compile("不设区的?市");
    private static final Pattern COLLEGES = Pattern.compile("^各(高职院校|高等职业院校|高等职业学校|职业院校)$");

    /** Which agencies a group means: their levels and classifications, below the jurisdiction. */
    record GroupRule(Set<Level> levels, Set<Classification> classifications, String identifierKind) {
    }

    private CollectiveReferences() {
    }

    static boolean isUnspecified(String key) {
        return UNSPECIFIED.matcher(key).matches();
    }

    static Optional<GroupRule> group(String key) {
        if (COLLEGES.matcher(key).matches()) {
            return Optional.of(new GroupRule(EnumSet.allOf(Level.class), EnumSet.of(Classification.SCHOOL, Classification.INSTITUTION),
                    HIGHER_VOCATIONAL));
        }
        var governments = GOVERNMENTS.matcher(key);
        if (!governments.matches()) {
            return Optional.empty();
        }
        // "市州及县市区", "市(州)、县(市)", "县区", "县、区": the characters name the levels meant; 设区的市 (a city
        // divided into districts) is a prefecture-level city, 不设区的市 a county-level one
        String levels = SUBDIVIDED_CITY.matcher(UNDIVIDED_CITY.matcher(governments.group(1)).replaceAll("县"))
                .replaceAll("市").replaceAll("[()、及和与,，]", "");
        boolean prefectures = levels.startsWith("市") || levels.startsWith("州") || levels.startsWith("地");
        boolean counties = levels.contains("县") || levels.contains("区") || levels.matches(".*市.*市.*");
        if (!prefectures && !counties) {
            return Optional.empty();
        }
        Set<Level> included = EnumSet.noneOf(Level.class);
        if (prefectures) {
            included.add(Level.PREFECTURE);
        }
        if (counties) {
            included.add(Level.COUNTY);
        }
        Set<Classification> kinds = EnumSet.of(Classification.GOVERNMENT);
        if (governments.group(3) != null) {
            kinds.add(Classification.ADMIN_COMMITTEE);
        }
        return Optional.of(new GroupRule(included, kinds, null));
    }
}

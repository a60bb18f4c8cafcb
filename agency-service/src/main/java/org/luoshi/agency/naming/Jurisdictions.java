package org.luoshi.agency.naming;

import org.luoshi.platform.division.DivisionCodes;

/**
 * GB/T 2260 codes: two digits of province, two of prefecture, two of county. 430000 covers 43xxxx, 341500 covers
 * 3415xx; 100000 is used here for the national level.
 */
final class Jurisdictions {

    static final String NATIONAL = DivisionCodes.NATIONAL;

    private Jurisdictions() {
    }

    static boolean isProvince(String code) {
        return DivisionCodes.isProvince(code);
    }

    static boolean isPrefecture(String code) {
        return DivisionCodes.isPrefecture(code);
    }

    static String province(String code) {
        return code.substring(0, 2) + "0000";
    }

    static String prefecture(String code) {
        return code.substring(0, 4) + "00";
    }

    /** Whether code lies within (or is) the jurisdiction. */
    static boolean within(String code, String jurisdiction) {
        return DivisionCodes.within(code, jurisdiction);
    }

    /**
     * How near an agency's jurisdiction is to the document's: 0 the same, 1 inside it, 2 the prefecture or province
     * above it, 3 national, -1 unrelated (another province's unit never answers for this one).
     */
    static int distance(String agencyCode, String jurisdiction) {
        if (agencyCode.equals(jurisdiction)) {
            return 0;
        }
        if (within(agencyCode, jurisdiction)) {
            return 1;
        }
        if (agencyCode.equals(prefecture(jurisdiction)) || agencyCode.equals(province(jurisdiction))) {
            return 2;
        }
        return NATIONAL.equals(agencyCode) ? 3 : -1;
    }
}

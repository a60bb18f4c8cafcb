package org.luoshi.platform.division;

/**
 * GB/T 2260 administrative division codes: two digits of province, two of prefecture, two of county. 430000 covers
 * 43xxxx, 341500 covers 3415xx; 100000 stands for the national level. Shared by agency-service, which resolves names and
 * groups within a jurisdiction, and task-service, whose replica follows groups' rules, so that both draw the same lines.
 */
public final class DivisionCodes {

    public static final String NATIONAL = "100000";

    private DivisionCodes() {
    }

    public static boolean isProvince(String code) {
        return code.endsWith("0000") && !NATIONAL.equals(code);
    }

    public static boolean isPrefecture(String code) {
        return code.endsWith("00") && !code.endsWith("0000");
    }

    /** Whether the code lies within (or is) the jurisdiction. */
    public static boolean within(String code, String jurisdiction) {
        if (NATIONAL.equals(jurisdiction)) {
            return true;
        }
        if (isProvince(jurisdiction)) {
            return code.startsWith(jurisdiction.substring(0, 2)) && !NATIONAL.equals(code);
        }
        if (isPrefecture(jurisdiction)) {
            return code.startsWith(jurisdiction.substring(0, 4));
        }
        return code.equals(jurisdiction);
    }
}

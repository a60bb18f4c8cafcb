package org.luoshi.task.importing;

/** Chinese numerals as documents number their paragraphs and chapters, for generated test and benchmark documents. */
final class Numerals {

    private static final String DIGITS = "零一二三四五六七八九";

    private Numerals() {
    }

    /** 1 → 一, 12 → 十二, 40 → 四十, 99 → 九十九, 100 → 一百, 101 → 一百零一, 110 → 一百一十, 123 → 一百二十三. */
    static String chinese(int n) {
        if (n >= 100) {
            int rest = n % 100;
            String hundreds = DIGITS.charAt(n / 100) + "百";
            return rest == 0 ? hundreds : hundreds + (rest < 10 ? "零" : rest < 20 ? "一" : "") + chinese(rest);
        }
        if (n < 10) {
            return String.valueOf(DIGITS.charAt(n));
        }
        String tens = n / 10 == 1 ? "十" : DIGITS.charAt(n / 10) + "十";
        return n % 10 == 0 ? tens : tens + DIGITS.charAt(n % 10);
    }
}

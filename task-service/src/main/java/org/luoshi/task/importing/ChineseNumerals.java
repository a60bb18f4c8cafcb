package org.luoshi.task.importing;

/** Numbers written in Chinese numerals, as documents number their headings (（三）) and Word its lists. */
final class ChineseNumerals {

    private static final String DIGITS = "零一二三四五六七八九";

    private ChineseNumerals() {
    }

    /** 1 … 99 as 一, 十, 十一, 二十三; other numbers in digits. */
    static String of(int n) {
        return of(n, DIGITS, "十");
    }

    /** 1 … 99 in these numerals (零一二三… or 零壹贰叁…) and this ten (十, 拾); other numbers in digits. */
    static String of(int n, String digits, String ten) {
        if (n < 10) {
            return String.valueOf(digits.charAt(n));
        }
        if (n >= 100) {
            return Integer.toString(n);
        }
        return (n / 10 == 1 ? "" : String.valueOf(digits.charAt(n / 10))) + ten
                + (n % 10 == 0 ? "" : String.valueOf(digits.charAt(n % 10)));
    }
}

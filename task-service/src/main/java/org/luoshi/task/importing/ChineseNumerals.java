package org.luoshi.task.importing;

/**
 * Numbers written in Chinese numerals, as documents number their headings (（三）) and Word its lists, and as a
 * signature dates a document (二〇二五年八月二十日).
 */
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

    /** 一 … 九十九 (十, 十一, 二十, 二十三) as a number; -1 for anything else. */
    static int value(String numerals) {
        int ten = numerals.indexOf('十');
        if (ten < 0) {
            return numerals.length() == 1 ? digit(numerals.charAt(0)) : -1;
        }
        int tens = ten == 0 ? 1 : ten == 1 ? digit(numerals.charAt(0)) : -1;
        int ones = ten == numerals.length() - 1 ? 0 : ten == numerals.length() - 2 ? digit(numerals.charAt(ten + 1)) : -1;
        return tens <= 0 || ones < 0 ? -1 : tens * 10 + ones;
    }

    /** A year written digit by digit (二〇二五, 二○二五) as a number; -1 for anything else. */
    static int year(String numerals) {
        int year = 0;
        for (int i = 0; i < numerals.length(); i++) {
            int d = digit(numerals.charAt(i));
            if (d < 0) {
                return -1;
            }
            year = year * 10 + d;
        }
        return year;
    }

    /** 零〇○ are 0 (○ is the circle a keyboard offers for 〇). */
    private static int digit(char c) {
        return c == '〇' || c == '○' ? 0 : DIGITS.indexOf(c);
    }
}

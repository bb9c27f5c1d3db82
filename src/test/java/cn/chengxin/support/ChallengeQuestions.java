package cn.chengxin.support;

import java.util.Map;

/**
 * Answers the tip-off form's questions ("十二加七等于多少？") as a person would, written independently of the
 * production code so that the tests check it rather than repeat it.
 */
public final class ChallengeQuestions {

    private static final Map<Character, Integer> DIGITS = Map.of('一', 1, '二', 2, '三', 3, '四', 4, '五', 5,
            '六', 6, '七', 7, '八', 8, '九', 9);

    private ChallengeQuestions() {
    }

    public static int solve(String question) {
        String sum = question.replace("等于多少？", "").strip();
        boolean plus = sum.contains("加");
        String[] terms = sum.split("[加减]");
        return plus ? value(terms[0]) + value(terms[1]) : value(terms[0]) - value(terms[1]);
    }

    private static int value(String numeral) {
        int ten = numeral.indexOf('十');
        if (ten < 0) {
            return DIGITS.get(numeral.charAt(0));
        }
        int tens = ten == 0 ? 1 : DIGITS.get(numeral.charAt(0));
        return tens * 10 + (ten == numeral.length() - 1 ? 0 : DIGITS.get(numeral.charAt(ten + 1)));
    }
}

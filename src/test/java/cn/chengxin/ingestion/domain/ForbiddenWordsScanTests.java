package cn.chengxin.ingestion.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The one-pass scan of the rules' words ({@link ForbiddenContent#candidateRules}) answers as the scan it replaced:
 * for each rule, one {@code contains} a word, the Latin words compared ignoring case at every position. Whichever
 * rules it names, the first whose pattern matches is the finding, so the same rules give the same findings.
 */
class ForbiddenWordsScanTests {

    private static final List<List<String>> WORDS = ForbiddenContent.wordsByRule();

    /** The scan before session xliii, kept as the reference. */
    private static int referenceRules(String text) {
        int found = 0;
        for (int r = 0; r < WORDS.size(); r++) {
            for (String word : WORDS.get(r)) {
                if (containsIgnoringAsciiCase(text, word)) {
                    found |= 1 << r;
                    break;
                }
            }
        }
        return found;
    }

    private static boolean containsIgnoringAsciiCase(String text, String word) {
        if (text.contains(word)) {
            return true;
        }
        if (word.charAt(0) >= 128) {
            return false;
        }
        for (int i = 0; i + word.length() <= text.length(); i++) {
            if (text.regionMatches(true, i, word, 0, word.length())) {
                return true;
            }
        }
        return false;
    }

    private static void sameAsReference(String text) {
        assertThat(ForbiddenContent.candidateRules(text)).as(text).isEqualTo(referenceRules(text));
    }

    @Test
    void findsEveryWordAtTheStartInTheMiddleAndAtTheEnd() {
        for (int r = 0; r < WORDS.size(); r++) {
            for (String word : WORDS.get(r)) {
                for (String text : List.of(word, word + "某某", "当事人" + word + "，已", "处罚决定" + word,
                        "𠀀" + word + "😀", word + word)) {
                    assertThat(ForbiddenContent.candidateRules(text) & (1 << r)).as(text).isNotZero();
                    sameAsReference(text);
                }
            }
        }
    }

    @Test
    void foldsTheCaseOfLatinWordsOnly() {
        for (String text : List.of("dna", "Dna：1", "dNA", "hIv阳性", "某Hiv", "HıV", "ＤＮＡ：Ａ１", "dn", "hi", "d", "DN A",
                "HIV", "xHIVx", "基 因", "基", "因基因", "病史病历号", "血", "熊猫", "")) {
            sameAsReference(text);
        }
        assertThat(ForbiddenContent.candidateRules("hIv")).isNotZero();
        assertThat(ForbiddenContent.candidateRules("基 因")).isZero();
        assertThat(ForbiddenContent.candidateRules("未按规定报告传染病疫情，罚款 2000 元")).isZero();
    }

    @Test
    void answersAsTheReferenceOverGeneratedValues() {
        List<String> pieces = new ArrayList<>();
        WORDS.forEach(pieces::addAll);
        WORDS.forEach(words -> words.forEach(w -> {
            pieces.add(w.substring(0, 1));
            pieces.add(w.substring(w.length() - 1));
            pieces.add(w.toLowerCase());
        }));
        pieces.addAll(List.of("D", "d", "N", "n", "A", "a", "H", "h", "I", "i", "V", "v", "ı", "İ", "ſ", "K", "K",
                "0", "8", " ", "：", "为", "元", "万", "当事人", "罚款", "违法", "公众", "拖欠", "农民工", "𠀀", "😀",
                "\uD83D", "\uDE00", "Ｄ", "ｈ", "，"));
        Random random = new Random(43);
        for (int n = 0; n < 200_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int k = random.nextInt(12); k >= 0; k--) {
                text.append(pieces.get(random.nextInt(pieces.size())));
            }
            sameAsReference(text.toString());
        }
    }
}

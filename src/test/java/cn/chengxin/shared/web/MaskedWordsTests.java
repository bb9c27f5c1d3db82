package cn.chengxin.shared.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Gaps review xxxv O7: a masked text in the parts a screen reader says instead of its asterisks. */
class MaskedWordsTests {

    private final MaskedWords words = new MaskedWords();

    @Test
    void aMaskedNumberIsWhatItShowsAndHowManyItHides() {
        MaskedWords.Parts p = words.of("4117**********6630");
        assertThat(p).isEqualTo(new MaskedWords.Parts("4117", 10, "6630"));
        assertThat(p.headLength()).isEqualTo(4);
        assertThat(p.tailLength()).isEqualTo(4);
        assertThat(p.allHidden()).isFalse();
    }

    @Test
    void namesShortNumbersAndUnmaskedTexts() {
        assertThat(words.of("欧**明")).isEqualTo(new MaskedWords.Parts("欧", 2, "明"));
        assertThat(words.of("张*")).isEqualTo(new MaskedWords.Parts("张", 1, ""));
        assertThat(words.of("****").allHidden()).isTrue();
        assertThat(words.of("—")).isEqualTo(new MaskedWords.Parts("—", 0, ""));
        assertThat(words.of(null)).isEqualTo(new MaskedWords.Parts("", 0, ""));
    }

    @Test
    void aMaskedNumberNamesTheMessageThatSaysIt() {
        MaskedWords.Parts p = words.of("4117**********6630");
        assertThat(p.numberKey()).isEqualTo("masked.number.words");
        assertThat(p.numberArgs()).containsExactly(4, "4117", 4, "6630", 10);
        assertThat(words.of("****").numberKey()).isEqualTo("masked.number.allHidden");
        assertThat(words.of("****").numberArgs()).containsExactly(4);
        assertThat(words.of("91410100MA").numberKey()).as("nothing hidden: said as it is").isNull();
    }
}

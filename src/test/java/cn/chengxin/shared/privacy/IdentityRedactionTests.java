package cn.chengxin.shared.privacy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IdentityRedactionTests {

    @Test
    void eighteenDigitNumbersAreMaskedValidOrNot() {
        assertThat(IdentityRedaction.redact("Arguments: [11010519491231002X, x]"))
                .isEqualTo("Arguments: [1101**********002X, x]");
        assertThat(IdentityRedaction.redact("{\"number\":\"110105194912310021\"}"))
                .isEqualTo("{\"number\":\"1101**********0021\"}");
        assertThat(IdentityRedaction.redact("a 411702199001011238 b 11010519491231002x"))
                .isEqualTo("a 4117**********1238 b 1101**********002x");
    }

    @Test
    void fifteenDigitAndFullWidthNumbersAreMasked() {
        assertThat(IdentityRedaction.redact("old 110105491231002")).isEqualTo("old 1101*******1002");
        assertThat(IdentityRedaction.redact("号码１１０１０５１９４９１２３１００２Ｘ"))
                .isEqualTo("号码１１０１**********００２Ｘ");
    }

    /** Issue #5: a citizen's text stored masked of a first-generation number written in a sentence. */
    @Test
    void fifteenDigitNumbersInChineseTextAreMasked() {
        assertThat(IdentityRedaction.redact("我的旧身份证号410105800307123，请核实"))
                .isEqualTo("我的旧身份证号4101*******7123，请核实");
        assertThat(IdentityRedaction.redact("旧证号４１０１０５８００３０７１２３。"))
                .isEqualTo("旧证号４１０１*******７１２３。");
    }

    /** Review: a number written in groups, as people write it, was stored and printed in clear (RULES.md §10). */
    @Test
    void numbersWrittenInGroupsAreMaskedKeepingTheirSeparators() {
        assertThat(IdentityRedaction.redact("本人身份证 110105-19491231-002X 记录有误"))
                .isEqualTo("本人身份证 1101**-********-002X 记录有误");
        assertThat(IdentityRedaction.redact("号码 4101 0519 9003 0712 34。"))
                .isEqualTo("号码 4101 **** **** **12 34。");
        assertThat(IdentityRedaction.redact("时间 2026-12-03 12:00，金额 1 000 000 元，编号 2026 1203 0001"))
                .isEqualTo("时间 2026-12-03 12:00，金额 1 000 000 元，编号 2026 1203 0001");
        assertThat(IdentityRedaction.redact("卡号 6222 0212 3456 7890 123")).as("not shaped like a number")
                .isEqualTo("卡号 6222 0212 3456 7890 123");
    }

    /** Review: a logged address keeps the space typed before a number as a percent escape, and ends the mask. */
    /**
     * An id's digits may fall into the shape of a number in groups; masked, the audit event of a check no longer named
     * its check (ChecksIT found the check stored and no event with its id). A number next to an id is still masked.
     */
    @Test
    void aUuidWhoseDigitsLookLikeANumberInGroupsIsLeftWhole() {
        String detail = "check 01a245ca-599f-7192-9518-6538174034dd: 0 entries, 0 measures";
        assertThat(IdentityRedaction.redact(detail)).isEqualTo(detail);
        assertThat(IdentityRedaction.redact("POST /api/v1/checks/01A245CA-599F-7192-9518-6538174034DD/feedback"))
                .contains("7192-9518-6538174034DD");
        assertThat(IdentityRedaction.redact("entry 01a245ca-599f-7192-9518-6538174034dd of 110105-19491231-002X"))
                .isEqualTo("entry 01a245ca-599f-7192-9518-6538174034dd of 1101**-********-002X");
        String phoneShaped = "reason=MEASURE_FEEDBACK_REFUSED; check=01a24ed6-6970-7799-a4ef-17636714886c";
        assertThat(IdentityRedaction.redact(phoneShaped)).as("an id's last group shaped as a mobile number")
                .isEqualTo(phoneShaped);
        assertThat(IdentityRedaction.redact("id 01a24ed6-6970-7799-a4ef-17636714886c, 电话 17636714886"))
                .isEqualTo("id 01a24ed6-6970-7799-a4ef-17636714886c, 电话 176****4886");
        assertThat(IdentityRedaction.redact("号码 7192-9518-6538174034 有误")).as("not an id: masked")
                .isEqualTo("号码 7192-****-******4034 有误");
    }

    @Test
    void numbersAfterAPercentEscapeAreMasked() {
        assertThat(IdentityRedaction.redact("GET /lists?q=%E3%80%8011010519491231002X"))
                .isEqualTo("GET /lists?q=%E3%80%801101**********002X");
        assertThat(IdentityRedaction.redact("q=%2011010519491231002X&type=BLACK"))
                .isEqualTo("q=%201101**********002X&type=BLACK");
        assertThat(IdentityRedaction.redact("q=%20110105-19491231-002X")).isEqualTo("q=%201101**-********-002X");
        assertThat(IdentityRedaction.redact("q=%201234567890123456789")).as("still a longer run")
                .isEqualTo("q=%201234567890123456789");
    }

    /** Review: a form sends the spaces between groups as plus signs. */
    @Test
    void numbersWrittenInGroupsAndFormEncodedAreMasked() {
        assertThat(IdentityRedaction.redact("q=110105+19491231+002X&documentType=RESIDENT_ID"))
                .isEqualTo("q=1101**+********+002X&documentType=RESIDENT_ID");
    }

    /** Review: a mistyped birth date leaves a number that is still personal data. */
    @Test
    void eighteenDigitNumbersWithAnImpossibleBirthDateAreMasked() {
        assertThat(IdentityRedaction.redact("号码 11010519491332002X")).isEqualTo("号码 1101**********002X");
        assertThat(IdentityRedaction.redact("号码 110105+19490031+002X")).isEqualTo("号码 1101**+********+002X");
        assertThat(IdentityRedaction.redact("old 110105491332002")).as("15 digits keep the date check")
                .isEqualTo("old 110105491332002");
    }

    @Test
    void otherNumbersAreLeftAlone() {
        String text = "took 1763793600123 ms, order 2026112206273931, uuid 019a9c3e-7f21-7c3b-9d1e-5a6b7c8d9e0f, "
                + "code 91350100M000100Y43, masked 4117**********1238";
        assertThat(IdentityRedaction.redact(text)).isEqualTo(text);
        assertThat(IdentityRedaction.redact("12345678901234567890123")).isEqualTo("12345678901234567890123");
        assertThat(IdentityRedaction.redact(null)).isNull();
    }

    /** M5: a passport, a 港澳/台湾 travel permit and the old foreign permanent residence permit, as screens mask them. */
    @Test
    void otherDocumentNumbersAreMaskedAsOnScreens() {
        assertThat(IdentityRedaction.redact("当事人护照 E12345678 已缴清")).isEqualTo("当事人护照 E1*****78 已缴清");
        assertThat(IdentityRedaction.redact("护照号G1234567，公务护照DE1234567")).isEqualTo("护照号G1****67，公务护照DE*****67");
        assertThat(IdentityRedaction.redact("本人港澳通行证 H12345678，另一证M1234567890。"))
                .isEqualTo("本人港澳通行证 H1*****78，另一证M1*******90。");
        assertThat(IdentityRedaction.redact("台湾居民来往大陆通行证号码：12345678；台胞证 1234567890"))
                .isEqualTo("台湾居民来往大陆通行证号码：12****78；台胞证 12******90");
        assertThat(IdentityRedaction.redact("永久居留证 USA110105491231")).isEqualTo("永久居留证 USA1*******1231");
        assertThat(IdentityRedaction.redact("护照Ｅ１２３４５６７８")).as("full-width").isEqualTo("护照Ｅ１*****７８");
        assertThat(IdentityRedaction.redact("q=%20E12345678&x=1")).isEqualTo("q=%20E1*****78&x=1");
    }

    /** M5: a mainland mobile number, as an account's phone is shown (139****5678). */
    @Test
    void mobileNumbersAreMaskedAsAnAccountsPhone() {
        assertThat(IdentityRedaction.redact("电话 13912345678，该处罚已撤销")).isEqualTo("电话 139****5678，该处罚已撤销");
        assertThat(IdentityRedaction.redact("手机:+8613912345678/19987654321"))
                .isEqualTo("手机:+86139****5678/199****4321");
        assertThat(IdentityRedaction.redact("联系１３９１２３４５６７８")).isEqualTo("联系１３９****５６７８");
        assertThat(IdentityRedaction.redact("号码 12912345678 与 139123456789")).as("not a mobile, a longer run")
                .isEqualTo("号码 12912345678 与 139123456789");
    }

    /** M5 (session xxxiii): a mobile number written in groups is masked as written, its separators kept. */
    @Test
    void mobileNumbersWrittenInGroupsAreMasked() {
        assertThat(IdentityRedaction.redact("电话 138 0013 8000，时间 2026-12-03 12:00"))
                .isEqualTo("电话 138 **** 8000，时间 2026-12-03 12:00");
        assertThat(IdentityRedaction.redact("手机：139-1234-5678；+86 139 1234 5678"))
                .isEqualTo("手机：139-****-5678；+86 139 **** 5678");
        assertThat(IdentityRedaction.redact("联系１３９　１２３４　５６７８")).isEqualTo("联系１３９　****　５６７８");
        assertThat(IdentityRedaction.redact("号码 129 1234 5678、139 1234-5678、139 1234 56789、A139 1234 5678"))
                .as("not a mobile, mixed separators, a longer group, the tail of a code")
                .isEqualTo("号码 129 1234 5678、139 1234-5678、139 1234 56789、A139 1234 5678");
        assertThat(IdentityRedaction.redact("号码 4101 0519 9003 0712 34，电话 138 0013 8000"))
                .isEqualTo("号码 4101 **** **** **12 34，电话 138 **** 8000");
        assertThat(IdentityRedaction.redactResidentNumbers("电话 138 0013 8000")).as("a reporter's contact keeps it")
                .isEqualTo("电话 138 0013 8000");
    }

    /** M5: the new shapes leave what only resembles them — a resident number is still masked whole, once. */
    @Test
    void phonesAndPermitsDoNotBreakTheResidentNumberMasks() {
        assertThat(IdentityRedaction.redact("身份证139123194912310021 电话13912345678"))
                .isEqualTo("身份证1391**********0021 电话139****5678");
        assertThat(IdentityRedaction.redact("身份证 139123-19491231-0021")).isEqualTo("身份证 1391**-********-0021");
    }

    /** M5: decision numbers, amounts, dates, credit codes, report numbers, key ids and uuids stay readable. */
    @Test
    void decisionNumbersAmountsAndCodesAreKept() {
        String text = "〔2026〕12345678号，豫市监罚决字〔2026〕第12345678号，驻罚〔2026〕第13912345678号，"
                + "罚款 13912345678 元，金额13912345678.50，20261203，12345678，代码 91350100M000100Y43、"
                + "91410100MA44E12345，报告 XY20261203139123456789 校验码 E2345678X，密钥 cx_e2345672_ABCDEF，"
                + "编号 E1234567890123，id 019a9c3e-7f21-7c3b-9d1e-5a6b7c8d9e0f、E1234567-7F21-7C3B-9D1E-5A6B7C8D9E0F";
        assertThat(IdentityRedaction.redact(text)).isEqualTo(text);
    }

    /** A reporter's contact is sealed for the staff who call him back: its phone stays, a resident number does not. */
    @Test
    void residentNumbersOnlyKeepPhonesAndOtherDocuments() {
        assertThat(IdentityRedaction.redactResidentNumbers("13912345678 / 11010519491231002X / E12345678"))
                .isEqualTo("13912345678 / 1101**********002X / E12345678");
        assertThat(IdentityRedaction.redactResidentNumbers("110105-19491231-002X")).isEqualTo("1101**-********-002X");
        assertThat(IdentityRedaction.redactResidentNumbers(null)).isNull();
    }

    /**
     * Session xli: a text whose ids stand alone is answered without trying the patterns when the rest of it holds
     * nothing to mask; it must come out exactly as through every pattern. Ids next to digits, separators, letters or
     * escapes that could make a number with the id's digits are read through as before: the fixed cases put each such
     * neighbour beside an id (a shortcut that took an id after a space, or after a letter, as standing alone left the
     * first two in clear), the random ones mix ids, numbers and neighbours.
     */
    @Test
    void aTextWithIdsStandingAloneIsRedactedAsThroughEveryPattern() {
        String[] spanning = {"110105 19491231-0021-5abc-def0-123456789abc", "H12345678-1234-1234-1234-123456789012",
                "ABC12345678-1234-1234-1234-123456789012", "11010519491231002-0021-5abc-def0-123456789abc",
                "%2019491231-0021-5abc-def0-123456789abc 110105", "x 0123abcd-0000-7000-8000-138001380001 3800 号",
                "E1234567-89ab-7cde-8f01-234567890123", "护照12345678-1234-7234-9234-123456789012",
                "id=019af3c2-1234-7123-8123-123456789012+8613912345678", "a.19491231-0021-5abc-def0-123456789abc"};
        for (String text : spanning) {
            assertThat(IdentityRedaction.redact(text)).as(text).isEqualTo(IdentityRedaction.redactThrough(text));
        }
        assertThat(IdentityRedaction.redact(spanning[0])).as("masked across the id's first group")
                .isNotEqualTo(spanning[0]);
        assertThat(IdentityRedaction.redact(spanning[1])).as("a permit's number in the id's first group")
                .startsWith("H1*****78-");

        java.util.Random random = new java.util.Random(41);
        String[] pieces = {" ", "-", "+", "　", "%20", "+86", "=", ";", ": ", "，", "护照", "号", "E", "H", "A", "x", ".",
                "110105194912310021", "13912345678", "139 1234 5678", "4101 0519 9003 0712 34", "2026", "〕"};
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            int parts = 1 + random.nextInt(6);
            for (int p = 0; p < parts; p++) {
                switch (random.nextInt(4)) {
                    case 0 -> text.append(uuid(random));
                    case 1 -> text.append(pieces[random.nextInt(pieces.length)]);
                    case 2 -> text.append(digits(random, 1 + random.nextInt(19)));
                    default -> text.append("checked=").append(uuid(random)).append("; entries=")
                            .append(random.nextInt(3)).append("; measures=").append(random.nextInt(3));
                }
            }
            String t = text.toString();
            assertThat(IdentityRedaction.redact(t)).as(t).isEqualTo(IdentityRedaction.redactThrough(t));
        }
    }

    /** An id with many all-digit groups, upper or lower case, so that its digits look like numbers often. */
    private static String uuid(java.util.Random random) {
        int[] groups = {8, 4, 4, 4, 12};
        StringBuilder id = new StringBuilder();
        boolean upper = random.nextInt(4) == 0;
        for (int g = 0; g < groups.length; g++) {
            if (g > 0) {
                id.append('-');
            }
            boolean digitsOnly = random.nextBoolean();
            for (int k = 0; k < groups[g]; k++) {
                int v = digitsOnly ? random.nextInt(10) : random.nextInt(16);
                char c = Character.forDigit(v, 16);
                id.append(upper ? Character.toUpperCase(c) : c);
            }
        }
        return id.toString();
    }

    private static String digits(java.util.Random random, int count) {
        StringBuilder out = new StringBuilder();
        for (int k = 0; k < count; k++) {
            out.append((char) ('0' + (k == 0 ? 1 + random.nextInt(9) : random.nextInt(10))));
        }
        return out.toString();
    }

    /**
     * Not an assertion: how long redaction takes over texts with and without numbers, to compare by hand with the
     * code before M5 (the audit detail and every log line pass through it).
     */
    @Test
    void timingByHand() {
        String[] texts = {"check 01a245ca-599f-7192-9518-6538174034dd: 0 entries, 0 measures",
                "GET /api/v1/lists?page=2&size=50 200 12 ms", "本人港澳通行证 H12345678，电话 13912345678，该处罚已撤销",
                "took 1763793600123 ms, order 2026112206273931"};
        long started = System.nanoTime();
        int length = 0;
        for (int i = 0; i < 20_000; i++) {
            length += IdentityRedaction.redact(texts[i % texts.length]).length();
        }
        System.out.println("IdentityRedaction: " + (System.nanoTime() - started) / 20_000 + " ns a text (" + length + ")");
        assertThat(length).isPositive();
    }
}

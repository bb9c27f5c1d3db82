package cn.chengxin.inquiry.domain;

import java.util.Locale;

import cn.chengxin.shared.DomainProblem;

/**
 * The language a report's fixed text is printed in: Chinese, or English for the residents who read it better
 * (passport and permit holders among them). Only the platform's own wording is translated; what the report carries
 * as recorded (items, departments, decisions, statements) stays in the Chinese it was stored in, the authoritative
 * text (RULES.md §9: the report shows the file as it is).
 */
public enum ReportLanguage {
    ZH("zh", Locale.SIMPLIFIED_CHINESE),
    EN("en", Locale.ENGLISH);

    private final String code;
    private final Locale locale;

    ReportLanguage(String code, Locale locale) {
        this.code = code;
        this.locale = locale;
    }

    public String code() {
        return code;
    }

    public Locale locale() {
        return locale;
    }

    /** The language a caller named ("zh", "zh-CN", "en", any case); none named is Chinese. */
    public static ReportLanguage named(String name) {
        if (name == null || name.isBlank()) {
            return ZH;
        }
        String tag = name.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        for (ReportLanguage language : values()) {
            // the language alone or with a region or script subtag (BCP 47): en, en-GB, zh-CN, zh-Hans
            if (tag.matches(language.code + "(-[a-z0-9]{2,8})?")) {
                return language;
            }
        }
        throw new InquiryProblem("REPORT_LANGUAGE_UNKNOWN", DomainProblem.Kind.INVALID_INPUT,
                "报告语言只能是 zh（中文）或 en（英文）");
    }

    /** The language of a page shown in {@code locale}: English for an English page, Chinese otherwise. */
    public static ReportLanguage of(Locale locale) {
        return locale != null && EN.code.equals(locale.getLanguage()) ? EN : ZH;
    }

    /** The language of a stored report: one stored before reports had a language is Chinese. */
    public static ReportLanguage ofStored(String code) {
        return EN.code.equals(code) ? EN : ZH;
    }
}

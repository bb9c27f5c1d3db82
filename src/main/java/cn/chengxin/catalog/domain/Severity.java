package cn.chengxin.catalog.domain;

/**
 * Severity classes of negative information and their default publication periods in months (RULES.md §4,
 * 国办发〔2025〕22号 and NDRC Order No. 36, in force 2026-04-01): minor — not normally published, at most
 * 3 months; general — at least 3 months before repair, at most 1 year; serious — 1 year, at most 3 years.
 */
public enum Severity {
    MINOR("轻微", 0, 3), GENERAL("一般", 3, 12), SERIOUS("严重", 12, 36);

    private final String label;
    private final int defaultMinimumMonths;
    private final int defaultMaximumMonths;

    Severity(String label, int defaultMinimumMonths, int defaultMaximumMonths) {
        this.label = label;
        this.defaultMinimumMonths = defaultMinimumMonths;
        this.defaultMaximumMonths = defaultMaximumMonths;
    }

    public String label() {
        return label;
    }

    public int defaultMinimumMonths() {
        return defaultMinimumMonths;
    }

    public int defaultMaximumMonths() {
        return defaultMaximumMonths;
    }
}

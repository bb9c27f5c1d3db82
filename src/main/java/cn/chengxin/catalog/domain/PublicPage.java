package cn.chengxin.catalog.domain;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

/**
 * Where the public site publishes the records of an item the catalogue shares publicly (公开公示, RULES.md §2, §4, §10;
 * 攀枝花 二(二)2–3: 行政许可和行政处罚等信用信息的公示, the 双公示): negative items on 失信信息公示, except minor (轻微)
 * ones, which are normally not published; good items (表彰、见义勇为、A级纳税人) on 守信信息公示; basic and other items
 * (行政许可、登记注册) on 行政许可公示. An item shared with government bodies or by authorised query only is published
 * nowhere. Every page publishes de-identified, and only records shown (in their publication period, not declined).
 */
public enum PublicPage {
    DISCLOSURES("/disclosures"), LICENCES("/licences"), HONOURS("/honours");

    private final String path;

    PublicPage(String path) {
        this.path = path;
    }

    /** The page's address on the public site. */
    public String path() {
        return path;
    }

    /** The page publishing the item's records; empty when the item is not published at all (or is unknown). */
    public static Optional<PublicPage> of(ItemDefinition item) {
        if (item == null || !item.sharing().published()) {
            return Optional.empty();
        }
        return switch (item.nature()) {
            case NEGATIVE -> item.severity() == Severity.MINOR ? Optional.empty() : Optional.of(DISCLOSURES);
            case GOOD -> Optional.of(HONOURS);
            case BASIC, NEUTRAL -> Optional.of(LICENCES);
        };
    }

    /** The content field in which a record carries its own validity end, 有效期至 (the licence items have it). */
    public static final String VALID_UNTIL = "valid_until";

    /**
     * Whether a record shown is still within its own 有效期至 on {@code today} (gaps review xxx L6): a licence that has
     * lapsed is no longer a licence the public may rely on, so its publication ends the day after that day, as the
     * publication period's does, whatever period the item gives. A record without the field, or with a value that is
     * not a date (the field's type is checked when collected), is within it.
     */
    public static boolean withinOwnValidity(Map<String, String> content, LocalDate today) {
        String until = content == null ? null : content.get(VALID_UNTIL);
        if (until == null || until.isBlank()) {
            return true;
        }
        try {
            return !LocalDate.parse(until.strip()).isBefore(today);
        } catch (DateTimeParseException e) {
            return true;
        }
    }
}

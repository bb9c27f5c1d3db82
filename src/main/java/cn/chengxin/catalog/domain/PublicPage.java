package cn.chengxin.catalog.domain;

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
}

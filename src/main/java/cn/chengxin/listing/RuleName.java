package cn.chengxin.listing;

/**
 * A list rule in force as other modules name it: its code, name and list. The measures catalogue limits a measure to
 * rules by these codes (RULES.md §7: a measure reaches only the entries its legal basis names).
 */
public record RuleName(String code, String name, ListType listType) {
}

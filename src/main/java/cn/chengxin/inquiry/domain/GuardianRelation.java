package cn.chengxin.inquiry.domain;

import java.util.Locale;

/**
 * How the guardian who consented for a person was related to them, as the older platform recorded it (gaps review xliii
 * X6; 民法典 Art. 27: a minor's parents, else grandparents, elder siblings, or another person or body approved by the
 * residents' or villagers' committee or the civil affairs department; Art. 28: an adult without full capacity's spouse,
 * parents or children, other near relatives, or such another; RULES.md §6: a child under 14 acts through the guardian).
 */
public enum GuardianRelation {
    PARENT("父母"),
    SPOUSE("配偶"),
    CHILD("成年子女"),
    GRANDPARENT("祖父母、外祖父母"),
    SIBLING("兄、姐"),
    OTHER_RELATIVE("其他近亲属"),
    DESIGNATED("经指定或同意的其他个人或组织");

    private final String label;

    GuardianRelation(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The relation by its code ({@code PARENT}) or its label ({@code 父母}); null for neither. */
    public static GuardianRelation parse(String text) {
        String typed = text.strip();
        for (GuardianRelation r : values()) {
            if (r.name().equals(typed.toUpperCase(Locale.ROOT)) || r.label.equals(typed)) {
                return r;
            }
        }
        return null;
    }
}

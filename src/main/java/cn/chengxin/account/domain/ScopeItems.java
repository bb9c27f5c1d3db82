package cn.chengxin.account.domain;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The items of a department's data scope: the catalogue items whose records its staff see (RULES.md §10: least
 * privilege, department data scope; none named, none seen). One normal form whether the scope is set when the
 * department is created or changed later, so that the same items typed always give the same scope: trimmed, upper
 * case, blanks dropped, each item once in the order first given, and every item a catalogue item code.
 */
public final class ScopeItems {

    private static final String ITEM_CODE = "[A-Z][A-Z0-9_]{1,63}";

    private ScopeItems() {
    }

    /** @throws IllegalArgumentException naming no item, when one of them is not a catalogue item code */
    public static List<String> normalise(List<String> items) {
        List<String> scope = items.stream().filter(Objects::nonNull).map(i -> i.trim().toUpperCase(Locale.ROOT))
                .filter(i -> !i.isEmpty()).distinct().toList();
        if (scope.stream().anyMatch(i -> !i.matches(ITEM_CODE))) {
            throw new IllegalArgumentException("not a catalogue item code");
        }
        return scope;
    }
}

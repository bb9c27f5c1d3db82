package cn.chengxin.catalog.web;

import java.util.List;
import java.util.Optional;

import cn.chengxin.catalog.CatalogueItem;

/**
 * What the form for an item's next version starts from (issue #4): the draft itself when one is open; the newest
 * version when it was sent back (its maker reworks what the checker refused, rather than start again from the old
 * text); otherwise the version in force. A draft given up (放弃) is never the start: it was given up for being wrong,
 * and what it said was never approved — a new item whose drafts were all given up starts again from a blank form with
 * its code. A withdrawal sent back is no text to rework: its definition is the one in force. Nothing is drafted while
 * a version awaits its checker (empty).
 */
final class EditBase {

    private EditBase() {
    }

    /** @param history the item's versions, newest first */
    static Optional<ItemForm> of(List<CatalogueItem> history) {
        if (history.isEmpty()) {
            return Optional.empty();
        }
        CatalogueItem newest = history.get(0);
        switch (newest.status()) {
            case PENDING:
                return Optional.empty();
            case DRAFT:
                return Optional.of(ItemForm.of(newest.definition()));
            case REJECTED:
                if (newest.withdrawal() == null) {
                    return Optional.of(ItemForm.of(newest.definition()));
                }
                break;
            default:
                break;
        }
        return Optional.of(history.stream().filter(i -> i.status() == CatalogueItem.Status.ACTIVE)
                .map(i -> ItemForm.of(i.definition())).findFirst().orElseGet(() -> blank(newest.code())));
    }

    private static ItemForm blank(String code) {
        ItemForm form = new ItemForm();
        form.setCode(code);
        return form;
    }
}

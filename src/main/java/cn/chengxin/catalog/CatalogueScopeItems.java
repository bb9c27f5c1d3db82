package cn.chengxin.catalog;

import cn.chengxin.account.ScopeItemCatalogue;
import org.springframework.stereotype.Component;

/**
 * Tells the account module which codes a department's data scope may name: items with a version in force, a
 * withdrawn one included, as its records stay in credit files (F10: no scope names an item the catalogue lacks).
 */
@Component
class CatalogueScopeItems implements ScopeItemCatalogue {

    private final Catalogue catalogue;

    CatalogueScopeItems(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    @Override
    public boolean isCatalogueItem(String itemCode) {
        return itemCode != null && catalogue.active(itemCode).isPresent();
    }
}

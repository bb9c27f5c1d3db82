package cn.chengxin.account;

/**
 * Whether a code names an item of the information catalogue, which a data scope may name and no other (F10). The
 * catalogue module answers it: it depends on this module, not the other way round.
 */
public interface ScopeItemCatalogue {

    boolean isCatalogueItem(String itemCode);
}

package cn.chengxin.listing;

/**
 * Published when a list rule is saved as a new version (new, edited, enabled or disabled): the subjects already
 * holding records of its items are evaluated against it.
 */
public record ListRuleSaved(String code, int version) {
}

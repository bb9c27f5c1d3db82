package cn.chengxin.listing;

/**
 * Published when a list rule is saved as a new version (new, edited, enabled or disabled): the subjects already
 * holding records of its items are evaluated against it after the rule's commit, a chunk at a time
 * ({@link RuleReevaluation}).
 */
public record ListRuleSaved(String code, int version) {
}

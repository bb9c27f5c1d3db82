package cn.chengxin.listing;

/**
 * Published when a new version of a list rule (new, edited, enabled or disabled) is approved by a second person and
 * so in force (issue #5): the subjects already holding records of its items are evaluated against it after the
 * approval's commit, a chunk at a time ({@link RuleReevaluation}).
 */
public record ListRuleSaved(String code, int version) {
}

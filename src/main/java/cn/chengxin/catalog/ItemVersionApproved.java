package cn.chengxin.catalog;

/**
 * Published when a checker approves a version of an item: it is now the version in force, the one before it
 * retired. Modules that derived something from the item (scores from its use for scoring and severity) bring it up
 * to date; {@code previousVersion} is 0 for a new item.
 */
public record ItemVersionApproved(String code, int version, int previousVersion) {
}

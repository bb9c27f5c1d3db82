package cn.chengxin.catalog;

/**
 * Published when a checker approves a version of an item: it is now the version in force, the one before it
 * retired. Modules that derived something from the item (scores from its use for scoring and severity) bring it up
 * to date; {@code previousVersion} is 0 for a new item. An approved withdrawal (废止) is such a version too, with the
 * definition unchanged: what was derived from the records collected under the item stays as it is.
 */
public record ItemVersionApproved(String code, int version, int previousVersion) {
}

package cn.chengxin.creditfile;

/** What a department's row does to its record: add it, replace it with a new version, or revoke it. */
public enum RecordAction {
    ADD, UPDATE, REVOKE
}

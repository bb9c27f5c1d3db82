package cn.chengxin.exchange.domain;

/** What a message is about: a credit record's state, or a list entry's state. */
public enum MessageKind {
    RECORD, LIST_ENTRY
}

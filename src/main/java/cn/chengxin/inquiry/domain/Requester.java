package cn.chengxin.inquiry.domain;

/** Who a report is made for; decides which sharing attributes its records may have (RULES.md §2, §9). */
public enum Requester {
    /** The person themself: all their records. */
    SELF,
    /** An institution with the person's consent: public and authorised-query items, never government-only ones. */
    INSTITUTION,
    /** A state organ within its statutory duty: public and government-shared items. */
    GOVERNMENT
}

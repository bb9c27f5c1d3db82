package cn.chengxin.exchange;

/**
 * What sending a partner the current state queued: our records and black-list entries in force (to a parent), the
 * other platforms' messages relayed to it, and how many of those could not be sent because they were received when
 * nobody was to be relayed to, so that this platform kept only their pseudonym and masked number.
 */
public record ResendReport(int records, int listEntries, int relayed, long relayedWithoutNumber) {
}

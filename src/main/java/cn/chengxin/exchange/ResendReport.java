package cn.chengxin.exchange;

import java.io.Serializable;

/**
 * What sending a partner the current state queued: our records and black-list entries in force (to a parent), the
 * other platforms' messages relayed to it, and how many of those could not be sent because they were received when
 * nobody was to be relayed to, so that this platform kept only their pseudonym and masked number. Serializable: the
 * console shows it after a redirect, from the session.
 */
public record ResendReport(int records, int listEntries, int relayed, long relayedWithoutNumber)
        implements Serializable {
}

package cn.chengxin.account;

/**
 * A security administrator confirmed an entry of the violation register (违规机构名单, gaps review xxx L4). Published
 * within the confirmation's transaction, so that what follows from the ban — the institution's live keys revoked
 * ({@link BannedInstitutionKeys}) — happens with it or not at all; an event because the keys' service already asks
 * the register whether a key may be issued, and the register may not call back into it. After the commit, inquiry
 * withdraws the consents people gave the institutions the entry holds (gaps review xxx L4, session xxxv).
 */
public record InstitutionBanConfirmed(InstitutionViolation entry) {
}

package cn.chengxin.account;

import java.util.UUID;

/**
 * An organisation API keys are issued to — a department's system, an institution (a bank, a library) or a partner
 * platform — as one identity across its keys: a key expires a year after issue and its renewal is issued to the same
 * institution (RULES.md §10), so a citizen's consent to the bank (§9) and the credit office's binding of a benefit to
 * the library (§8) outlive each key (gaps review xxix K2).
 *
 * @param id           the institution's id: its first key's id
 * @param name         the system's name, as its newest key names it
 * @param organisation the organisation, as its newest key names it
 * @param creditCode   its unified social credit code (GB 32100-2015), as its newest key carries it; null if none
 */
public record ApiInstitution(UUID id, String name, String organisation, ApiClient.Kind kind, String creditCode) {

    static ApiInstitution of(ApiClient key) {
        return new ApiInstitution(key.institutionId(), key.name(), key.organisation(), key.kind(), key.creditCode());
    }
}

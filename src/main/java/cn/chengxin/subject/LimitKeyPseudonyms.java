package cn.chengxin.subject;

import cn.chengxin.shared.ratelimit.LimitKeys;
import org.springframework.stereotype.Component;

/**
 * The keys of the shared limits (client addresses, phones) as HMAC-SM3 pseudonyms under the index key, in their own
 * domain (gaps-review-xxxiii N7): {@code shared.limit_count} never holds an address or phone in clear, and whoever
 * reads the table without the key file cannot try the 2³² IPv4 addresses against it.
 */
@Component
class LimitKeyPseudonyms implements LimitKeys {

    private final PersonalDataProtection protection;

    LimitKeyPseudonyms(PersonalDataProtection protection) {
        this.protection = protection;
    }

    @Override
    public String pseudonym(String key) {
        return protection.pseudonym("limit-key", String.valueOf(key));
    }
}

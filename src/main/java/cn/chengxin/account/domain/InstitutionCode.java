package cn.chengxin.account.domain;

import java.util.Optional;

import cn.chengxin.subject.domain.InvalidIdentityException;
import cn.chengxin.subject.domain.UnifiedSocialCreditCode;

/**
 * The unified social credit code (统一社会信用代码, GB 32100-2015) an institution that queries reports may carry (gaps
 * review xxx L4): optional, since keys were issued before it was asked, but when given it must be a valid code — 18
 * characters of the standard's set (no I, O, Z, S, V), the region digits, the GB 11714 organisation code's check and
 * the modulus-31 check character by the standard's weights, all as {@link UnifiedSocialCreditCode} checks an
 * organisation's code in the register (RULES.md §1). Two institutions with one code are one institution whatever their
 * names ("某某银行" and "某某银行股份有限公司"), so the violation register matches by it ({@link InstitutionBan}).
 */
public final class InstitutionCode {

    private InstitutionCode() {
    }

    /**
     * The code typed, in its canonical form (full-width and lower case accepted, spaces dropped); empty when nothing
     * was typed.
     *
     * @throws IllegalArgumentException when something was typed that is not a valid code
     */
    public static Optional<String> parse(String typed) {
        if (typed == null || typed.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(UnifiedSocialCreditCode.parse(typed).value());
        } catch (InvalidIdentityException e) {
            throw new IllegalArgumentException("Not a unified social credit code: " + e.getMessage(), e);
        }
    }

    /** Whether two codes, as stored (canonical), name the same institution; a missing code matches nothing. */
    public static boolean same(String a, String b) {
        return a != null && b != null && !a.isEmpty() && a.equals(b);
    }
}

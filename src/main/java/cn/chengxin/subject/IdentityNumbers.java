package cn.chengxin.subject;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HexFormat;

import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.subject.domain.IdentityDocument;
import cn.chengxin.subject.protection.IdentityProtection;
import org.springframework.stereotype.Component;

/**
 * A number validated, and the pseudonym of the subject it names (the registry's blind index), with nothing read or
 * written: what {@link SubjectRegistry#validate} and {@link SubjectRegistry#pseudonymOf(IdentityDocument)} answer,
 * for the check path, which asks both of every check. The registry is a transactional proxy for its other methods, so
 * each call to it passes the proxy's interceptor and a reflective call even where there is no transaction to open;
 * this bean has none to pass (docs/performance-log.md, checks, session xlviii).
 */
@Component
public class IdentityNumbers {

    private final IdentityProtection protection;
    private final Clock clock;

    IdentityNumbers(IdentityProtection protection, Clock clock) {
        this.protection = protection;
        this.clock = clock;
    }

    /**
     * Validates a number typed or imported by anyone.
     *
     * @param type the document type, or {@code null} to infer it from the number's shape
     * @throws cn.chengxin.subject.domain.InvalidIdentityException with a specific rejection code
     */
    public IdentityDocument validate(DocumentType type, String raw) {
        return IdentityDocument.parse(type, raw, LocalDate.now(clock));
    }

    /** The pseudonym of a validated number, whether or not the subject is registered. */
    public String pseudonymOf(IdentityDocument document) {
        return HexFormat.of().formatHex(protection.indexOf(document));
    }
}

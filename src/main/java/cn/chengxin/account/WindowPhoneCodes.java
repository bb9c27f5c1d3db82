package cn.chengxin.account;

import java.io.Serial;
import java.io.Serializable;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.UnaryOperator;

import cn.chengxin.account.domain.SmsCodes;
import cn.chengxin.audit.AuditCategory;
import cn.chengxin.audit.AuditDetail;
import cn.chengxin.audit.AuditEntry;
import cn.chengxin.audit.AuditLog;
import cn.chengxin.audit.AuditResult;
import cn.chengxin.shared.DomainProblem;
import cn.chengxin.shared.Ids;
import cn.chengxin.shared.security.Actor;
import cn.chengxin.subject.PersonalDataProtection;
import org.springframework.stereotype.Service;

/**
 * A phone typed at the credit office's window for a person who has no account phone, proved to be the person's by a
 * one-time code texted to it and read out at the window (gaps review xxxi M2): a clerk who typed someone else's phone
 * would have the person's notices go there. The codes of registration and of a change of phone ({@link SmsCodes}: six
 * digits, 5 minutes, 5 tries; one a minute), texted off the request thread ({@link SmsDispatch}). The code waiting is
 * kept in the clerk's session ({@link Pending}): the phone as its pseudonym and masked, the code as a keyed hash.
 */
@Service
public class WindowPhoneCodes {

    private static final Duration RESEND_AFTER = Duration.ofSeconds(60);
    private static final String ACTION = "account.window.phone";

    private final PersonalDataProtection protection;
    private final SmsDispatch sms;
    private final AuditLog audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    WindowPhoneCodes(PersonalDataProtection protection, SmsDispatch sms, AuditLog audit, Clock clock) {
        this.protection = protection;
        this.sms = sms;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * A code texted to a phone typed at the window, waiting for the person to read it out; once the right code is
     * given, the phone stays confirmed for the rest of the code's validity (a report and a consent in one visit).
     * Nothing in it is the phone in clear, nor the code.
     */
    public static final class Pending implements Serializable {

        @Serial
        private static final long serialVersionUID = 1L;

        private final UUID id;
        private final String phonePseudonym;
        private final String phoneMasked;
        private final String codeHash;
        private final Instant sentAt;
        private final Instant expiresAt;
        private int attempts;
        private boolean confirmed;

        Pending(UUID id, String phonePseudonym, String phoneMasked, String codeHash, Instant sentAt,
                Instant expiresAt) {
            this.id = id;
            this.phonePseudonym = phonePseudonym;
            this.phoneMasked = phoneMasked;
            this.codeHash = codeHash;
            this.sentAt = sentAt;
            this.expiresAt = expiresAt;
        }

        public String phoneMasked() {
            return phoneMasked;
        }
    }

    /**
     * Texts a new code to {@code rawPhone} in {@code text} (given the code).
     *
     * @param previous the code already waiting in the clerk's session, if any: a new one waits out the resend limit
     */
    public Pending send(String rawPhone, Pending previous, Actor by, UnaryOperator<String> text) {
        sms.requireAvailable();
        String phone = CitizenAccounts.normalisePhone(rawPhone);
        Instant now = clock.instant();
        if (previous != null && previous.sentAt.plus(RESEND_AFTER).isAfter(now)) {
            throw new AccountProblem("SMS_TOO_FREQUENT", DomainProblem.Kind.TOO_MANY, "验证码发送过于频繁，请一分钟后再试");
        }
        String code = SmsCodes.next(random);
        UUID id = Ids.newId();
        String masked = CitizenAccounts.maskPhone(phone);
        audit.record(AuditEntry.of(AuditCategory.SECURITY, ACTION).by(by)
                .detail(AuditDetail.of("WINDOW_PHONE_CODE_SENT").with("phone", masked)));
        sms.send(() -> phone, text.apply(code), e -> audit.record(AuditEntry.of(AuditCategory.SECURITY, ACTION)
                .by(by).result(AuditResult.ERROR).detail(AuditDetail.of("CODE_NOT_TEXTED"))));
        return new Pending(id, protection.pseudonym("phone", phone), masked, codeHash(id, code), now,
                now.plus(SmsCodes.VALIDITY));
    }

    /**
     * Whether {@code rawPhone} is the phone the person proved: refused {@code CODE_REQUIRED} when no code was sent to
     * it in this session, {@code CODE_EXPIRED} when the code expired or spent its tries, {@code CODE_WRONG} (counted in
     * {@code pending}, which the caller keeps again) for a wrong code.
     */
    public void confirm(Pending pending, String rawPhone, String code) {
        if (pending == null || !pending.phonePseudonym.equals(protection.pseudonym("phone",
                CitizenAccounts.normalisePhone(rawPhone)))) {
            throw new AccountProblem("CODE_REQUIRED", DomainProblem.Kind.INVALID_INPUT,
                    "请先向本人手机号码发送验证码，由本人当面报出");
        }
        if (!pending.expiresAt.isAfter(clock.instant()) || !pending.confirmed && pending.attempts >= SmsCodes.ATTEMPTS) {
            throw new AccountProblem("CODE_EXPIRED", DomainProblem.Kind.INVALID_INPUT, "验证码已过期，请重新获取");
        }
        if (pending.confirmed) {
            return;
        }
        if (!SmsCodes.same(pending.codeHash, codeHash(pending.id, code == null ? "" : code.trim()))) {
            pending.attempts++;
            throw new AccountProblem("CODE_WRONG", DomainProblem.Kind.INVALID_INPUT, "验证码不正确");
        }
        pending.confirmed = true;
    }

    private String codeHash(UUID id, String code) {
        return protection.pseudonym("window-phone-code", id + ":" + code);
    }
}

package cn.chengxin.account;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import cn.chengxin.account.domain.PasswordAge;
import cn.chengxin.account.persistence.JdbcAccounts;
import cn.chengxin.account.persistence.JdbcPendingRegistrations;
import cn.chengxin.audit.AuditLog;
import cn.chengxin.subject.PersonalDataProtection;
import cn.chengxin.subject.SubjectRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * A refused sign-in costs one password verification whether or not the login names an account (RULES.md §10): the
 * response time must not tell which logins exist.
 */
class SignInTimingTests {

    private final Clock clock = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);
    private final CountingEncoder encoder = new CountingEncoder();
    private final JdbcAccounts accounts = mock(JdbcAccounts.class);
    private final PersonalDataProtection protection = mock(PersonalDataProtection.class);
    private final AuditLog audit = mock(AuditLog.class);

    @Test
    void anUnknownCitizenLoginIsCheckedAgainstADummyHashOnceAndOnlyOnce() {
        when(protection.pseudonym(eq("phone"), anyString())).thenReturn("phone-pseudonym");
        when(accounts.citizenByPhonePseudonym(any())).thenReturn(Optional.empty());
        CitizenAccounts citizens = new CitizenAccounts(accounts, mock(JdbcPendingRegistrations.class),
                mock(SubjectRegistry.class), protection, encoder, mock(SmsDispatch.class), mock(RealNameVerifier.class),
                mock(ElectronicServiceAgreements.class), audit, clock, null);

        assertThat(citizens.login("13800138000", "Guess-1234")).isInstanceOf(CitizenAccounts.LoginOutcome.Refused.class);
        assertThat(citizens.login("13900139000", "Guess-5678")).isInstanceOf(CitizenAccounts.LoginOutcome.Refused.class);

        assertThat(encoder.matches.get()).isEqualTo(2);
        // The dummy is hashed once: hashing it again at each attempt made an unknown login cost twice a known one.
        assertThat(encoder.encodes.get()).isLessThanOrEqualTo(1);
        assertThat(encoder.lastHash).startsWith("{counted}");
    }

    @Test
    void anUnknownStaffUserIsCheckedAgainstADummyHash() {
        when(accounts.staffCredentials(anyString())).thenReturn(Optional.empty());
        StaffLogin login = new StaffLogin(accounts, encoder, protection, audit, clock, PasswordAge.DEFAULT);

        assertThat(login.checkPassword("nobody", "Guess-1234"))
                .isEqualTo(new StaffLogin.PasswordOutcome.Refused(StaffLogin.Reason.BAD_CREDENTIALS));
        assertThat(encoder.matches.get()).isEqualTo(1);
    }

    /** A disabled account is refused like an unknown name ("?error"), so its refusal takes as long. */
    @Test
    void aDisabledStaffUserCostsTheSameVerification() {
        UUID id = UUID.randomUUID();
        JdbcAccounts.StaffCredentials disabled = new JdbcAccounts.StaffCredentials(id, "off.user", "停用者",
                UUID.randomUUID(), "D1", "部门", "{counted}x", null, null, 0, 0, null, false, List.of(),
                Department.Kind.DATA_PROVIDER, false, null, null);
        when(accounts.staffCredentials("off.user")).thenReturn(Optional.of(disabled));
        when(accounts.lockStaffUser(id)).thenReturn(Optional.of(disabled));
        StaffLogin login = new StaffLogin(accounts, encoder, protection, audit, clock, PasswordAge.DEFAULT);

        assertThat(login.checkPassword("off.user", "Guess-1234"))
                .isEqualTo(new StaffLogin.PasswordOutcome.Refused(StaffLogin.Reason.DISABLED));
        assertThat(encoder.matches.get()).isEqualTo(1);
    }

    /**
     * A locked account is refused like a wrong password ("?error"), so its refusal costs one verification too: answered
     * without one it was quicker than any other refusal, and told a stranger the name exists and is locked.
     */
    @Test
    void aLockedStaffUserCostsTheSameVerification() {
        UUID id = UUID.randomUUID();
        JdbcAccounts.StaffCredentials locked = new JdbcAccounts.StaffCredentials(id, "locked.user", "锁定者",
                UUID.randomUUID(), "D1", "部门", "{counted}Right-Passw0rd", null, null, 0, 5,
                clock.instant().plusSeconds(600), true, List.of(), Department.Kind.DATA_PROVIDER, false, null, null);
        when(accounts.staffCredentials("locked.user")).thenReturn(Optional.of(locked));
        when(accounts.lockStaffUser(id)).thenReturn(Optional.of(locked));
        StaffLogin login = new StaffLogin(accounts, encoder, protection, audit, clock, PasswordAge.DEFAULT);

        assertThat(login.checkPassword("locked.user", "Right-Passw0rd"))
                .isEqualTo(new StaffLogin.PasswordOutcome.Refused(StaffLogin.Reason.LOCKED));
        assertThat(encoder.matches.get()).isEqualTo(1);
        assertThat(encoder.lastHash).as("not the account's own hash: the lock stops guessing")
                .isNotEqualTo("{counted}Right-Passw0rd");
    }

    @Test
    void aLockedCitizenCostsTheSameVerification() {
        UUID id = UUID.randomUUID();
        JdbcAccounts.CitizenCredentials locked = new JdbcAccounts.CitizenCredentials(id, UUID.randomUUID(),
                "subject-pseudonym", "138****8000", "{counted}Right-Passw0rd", 5, clock.instant().plusSeconds(600));
        when(protection.pseudonym(eq("phone"), anyString())).thenReturn("phone-pseudonym");
        when(accounts.citizenByPhonePseudonym("phone-pseudonym")).thenReturn(Optional.of(locked));
        when(accounts.lockCitizen(id)).thenReturn(Optional.of(locked));
        CitizenAccounts citizens = new CitizenAccounts(accounts, mock(JdbcPendingRegistrations.class),
                mock(SubjectRegistry.class), protection, encoder, mock(SmsDispatch.class), mock(RealNameVerifier.class),
                mock(ElectronicServiceAgreements.class), audit, clock, null);

        assertThat(citizens.login("13800138000", "Right-Passw0rd"))
                .isInstanceOf(CitizenAccounts.LoginOutcome.Locked.class);
        assertThat(encoder.matches.get()).isEqualTo(1);
    }

    /** Counts the costly operations (a real encoder would make the test slow). */
    private static final class CountingEncoder implements PasswordEncoder {
        final AtomicInteger encodes = new AtomicInteger();
        final AtomicInteger matches = new AtomicInteger();
        volatile String lastHash;

        @Override
        public String encode(CharSequence raw) {
            encodes.incrementAndGet();
            return "{counted}" + raw;
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            matches.incrementAndGet();
            lastHash = encoded;
            return encoded.equals("{counted}" + raw);
        }
    }
}

package cn.chengxin.account.security;

import java.util.List;

import cn.chengxin.account.StaffLogin;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** First step of the staff login: the password. Success grants only {@code MFA_PENDING}. */
class StaffPasswordAuthenticationProvider implements AuthenticationProvider {

    static final String MFA_PENDING = "MFA_PENDING";

    private final StaffLogin login;

    StaffPasswordAuthenticationProvider(StaffLogin login) {
        this.login = login;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
        StaffLogin.PasswordOutcome outcome = login.checkPassword(username, password,
                SignInGate.challengeSolved(authentication));
        if (outcome instanceof StaffLogin.PasswordOutcome.Passed passed) {
            return UsernamePasswordAuthenticationToken.authenticated(
                    new PendingStaff(passed.userId(), passed.username(), passed.secondFactorEnrolled()), null,
                    List.of(new SimpleGrantedAuthority(MFA_PENDING)));
        }
        if (outcome instanceof StaffLogin.PasswordOutcome.Refused refused
                && refused.reason() == StaffLogin.Reason.TEMPORARY_EXPIRED) {
            throw new CredentialsExpiredException("temporary password expired");
        }
        // Locked, disabled or wrong: one answer (RULES.md §10). Another for a locked or disabled account would tell a
        // stranger that the name exists; the common failure message tells the owner about the lockout instead.
        throw new BadCredentialsException("bad credentials");
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}

package cn.chengxin.account.security;

import java.util.List;

import cn.chengxin.account.CitizenAccounts;
import cn.chengxin.shared.security.Permission;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** Citizens sign in with their identity number or phone number and password (real name verified at sign-up). */
class CitizenAuthenticationProvider implements AuthenticationProvider {

    static final String CITIZEN = "CITIZEN";

    private final CitizenAccounts citizens;

    CitizenAuthenticationProvider(CitizenAccounts citizens) {
        this.citizens = citizens;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
        CitizenAccounts.LoginOutcome outcome = citizens.login(authentication.getName(), password,
                SignInGate.challengeSolved(authentication));
        if (outcome instanceof CitizenAccounts.LoginOutcome.Passed passed) {
            return UsernamePasswordAuthenticationToken.authenticated(passed.principal(), null, List.of(
                    new SimpleGrantedAuthority(CITIZEN), new SimpleGrantedAuthority(Permission.SELF_SERVICE.code())));
        }
        // A locked account is refused as a wrong password is (RULES.md §10): the sign-in page must not tell a stranger
        // that the login exists. The common failure message tells its owner about the lockout instead.
        throw new BadCredentialsException("bad credentials");
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}

package cn.chengxin.support;

import java.util.ArrayList;
import java.util.List;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/** A console request as a named staff member holding these permissions (maker-checker tests need two people). */
public final class ConsoleStaff {

    private ConsoleStaff() {
    }

    public static RequestPostProcessor staff(String name, String... permissions) {
        List<SimpleGrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority("STAFF"));
        authorities.add(new SimpleGrantedAuthority("console:home"));
        for (String p : permissions) {
            authorities.add(new SimpleGrantedAuthority(p));
        }
        return user(name).authorities(authorities);
    }
}

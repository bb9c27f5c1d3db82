package cn.chengxin.account.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import cn.chengxin.account.EnrolmentSecrets;
import cn.chengxin.account.StaffLogin;
import cn.chengxin.account.StaffPasswords;
import cn.chengxin.account.security.PasswordChangeRequired;
import cn.chengxin.account.StaffPrincipal;
import cn.chengxin.account.domain.Base32;
import cn.chengxin.account.domain.OtpAuthUri;
import cn.chengxin.account.domain.QrCode;
import cn.chengxin.account.security.PendingStaff;
import cn.chengxin.shared.City;
import cn.chengxin.shared.security.AuthenticatedEndpoint;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The second step of the staff login: enrolment of an authenticator (QR code, shown once) at the first
 * sign-in, then a TOTP code at every sign-in. Only after it does the session get the staff authority and
 * the user's permissions, under a new session id.
 */
@Controller
@AuthenticatedEndpoint("the sign-in's own second step, reached only with a password just verified")
class SecondFactorPages {

    /** The new secret while enrolling: sealed ({@link EnrolmentSecrets}), never in clear in the session. */
    private static final String PENDING_SECRET = "chengxin.totp.pending-secret";

    private final StaffLogin login;
    private final EnrolmentSecrets secrets;
    private final StaffPasswords passwords;
    private final City city;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    SecondFactorPages(StaffLogin login, EnrolmentSecrets secrets, StaffPasswords passwords, City city) {
        this.login = login;
        this.secrets = secrets;
        this.passwords = passwords;
        this.city = city;
    }

    @GetMapping("/console/mfa/enrol")
    String enrolPage(Authentication authentication, HttpSession session, Model model) {
        PendingStaff pending = (PendingStaff) authentication.getPrincipal();
        if (pending.secondFactorEnrolled()) {
            return "redirect:/console/mfa";
        }
        Optional<byte[]> pendingSecret = pendingSecret(pending, session);
        byte[] secret;
        if (pendingSecret.isPresent()) {
            secret = pendingSecret.get();
        } else {
            EnrolmentSecrets.Sealed sealed = secrets.newSecret(pending.userId());
            session.setAttribute(PENDING_SECRET, sealed);
            secret = secrets.open(pending.userId(), sealed).orElseThrow();
        }
        String base32 = Base32.encode(secret);
        String uri = OtpAuthUri.totp(city.siteTitle(), pending.username(), secret);
        model.addAttribute("qrSvg", QrCode.svg(uri, "身份验证器二维码"));
        model.addAttribute("secretGroups", groups(base32));
        model.addAttribute("secret", base32);
        model.addAttribute("username", pending.username());
        return "console/mfa-enrol";
    }

    @PostMapping("/console/mfa/enrol")
    String enrol(@RequestParam String code, Authentication authentication, HttpServletRequest request,
                 HttpServletResponse response, HttpSession session) {
        PendingStaff pending = (PendingStaff) authentication.getPrincipal();
        Optional<byte[]> secret = pendingSecret(pending, session);
        if (secret.isEmpty() || pending.secondFactorEnrolled()) {
            return "redirect:/console/mfa/enrol";
        }
        Optional<StaffPrincipal> principal = login.enrol(pending.userId(), secret.get(), code);
        if (principal.isEmpty() && login.isEnrolled(pending.userId())) {
            // Enrolled by another sign-in since this one's password: it signs in again, to be asked for the code.
            return endSignIn(request, "redirect:/console/login");
        }
        if (principal.isEmpty()) {
            return login.isLocked(pending.userId()) ? lockedOut(request) : "redirect:/console/mfa/enrol?error";
        }
        session.removeAttribute(PENDING_SECRET);
        return signIn(principal.get(), request, response);
    }

    /** The session's pending secret, opened; empty when there is none or it does not open for this account. */
    private Optional<byte[]> pendingSecret(PendingStaff pending, HttpSession session) {
        return session.getAttribute(PENDING_SECRET) instanceof EnrolmentSecrets.Sealed sealed
                ? secrets.open(pending.userId(), sealed) : Optional.empty();
    }

    @GetMapping("/console/mfa")
    String codePage(Authentication authentication, Model model) {
        PendingStaff pending = (PendingStaff) authentication.getPrincipal();
        if (!pending.secondFactorEnrolled()) {
            return "redirect:/console/mfa/enrol";
        }
        model.addAttribute("username", pending.username());
        return "console/mfa";
    }

    @PostMapping("/console/mfa")
    String verify(@RequestParam String code, Authentication authentication, HttpServletRequest request,
                  HttpServletResponse response) {
        PendingStaff pending = (PendingStaff) authentication.getPrincipal();
        Optional<StaffPrincipal> principal = login.verify(pending.userId(), code);
        if (principal.isEmpty()) {
            return login.isLocked(pending.userId()) ? lockedOut(request) : "redirect:/console/mfa?error";
        }
        return signIn(principal.get(), request, response);
    }

    private String signIn(StaffPrincipal principal, HttpServletRequest request, HttpServletResponse response) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority("STAFF"));
        principal.permissions().forEach(p -> authorities.add(new SimpleGrantedAuthority(p.code())));
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities));
        SecurityContextHolder.setContext(context);
        request.changeSessionId(); // a new id now that the session carries full rights
        contexts.saveContext(context, request, response);
        StaffPasswords.ChangeRequired required = passwords.changeRequired(principal.userId());
        if (required != StaffPasswords.ChangeRequired.NONE) {
            // A password an administrator set, or one grown too old: replaced before anything else is done.
            PasswordChangeRequired.mark(request.getSession(), required.name());
            return "redirect:" + PasswordChangeRequired.PAGE;
        }
        return "redirect:/console";
    }

    private String lockedOut(HttpServletRequest request) {
        return endSignIn(request, "redirect:/console/login?locked");
    }

    private static String endSignIn(HttpServletRequest request, String then) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
        return then;
    }

    private static List<String> groups(String base32) {
        List<String> groups = new ArrayList<>();
        for (int i = 0; i < base32.length(); i += 4) {
            groups.add(base32.substring(i, Math.min(base32.length(), i + 4)));
        }
        return groups;
    }
}

package cn.chengxin.account.web;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import cn.chengxin.account.AccountProblem;
import cn.chengxin.account.CitizenAccounts;
import cn.chengxin.account.ElectronicServiceAgreements;
import cn.chengxin.account.SmsDispatch;
import cn.chengxin.shared.DomainProblem;
import cn.chengxin.shared.ratelimit.LimitCounters;
import cn.chengxin.shared.ratelimit.PerAddressLimit;
import cn.chengxin.shared.security.PublicEndpoint;
import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.subject.domain.SubjectKind;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 实名注册: identity number and name checked against the registry, name, number and phone against the real-name provider
 * ({@link cn.chengxin.account.RealNameVerifier}), then the phone proved by a one-time code.
 */
@Controller
@PublicEndpoint
class CitizenRegistration {

    private final CitizenAccounts citizens;
    private final Clock clock;
    private final SmsDispatch sms;
    private final PerAddressLimit limit;

    CitizenRegistration(CitizenAccounts citizens, Clock clock, SmsDispatch sms, LimitCounters counters,
                        @Value("${chengxin.account.registrations-per-minute:10}") long perMinute) {
        this.citizens = citizens;
        this.clock = clock;
        this.sms = sms;
        this.limit = new PerAddressLimit(counters, perMinute, "REGISTRATION_RATE_LIMITED", "注册尝试过于频繁");
    }

    /**
     * Without an SMS provider no code can be sent: the page says so, and whom to turn to, before any number is typed,
     * and for every number alike (RULES.md §10).
     */
    @ModelAttribute("smsUnavailable")
    boolean smsUnavailable() {
        return !sms.available();
    }

    /**
     * Without a real-name provider nobody can prove that the phone is theirs (RULES.md §9): the page sends applicants
     * to the window in the same way.
     */
    @ModelAttribute("realNameUnavailable")
    boolean realNameUnavailable() {
        return sms.available() && !citizens.onlineVerificationAvailable();
    }

    /** The documents a person may register with: a credit code names an organisation, which has no account here. */
    @ModelAttribute("documentTypes")
    List<DocumentType> documentTypes() {
        return Arrays.stream(DocumentType.values()).filter(t -> t.kind() == SubjectKind.PERSON).toList();
    }

    /**
     * The version of the confirmation of electronic service the form shows beside its box (gaps review xl U13 rest),
     * posted back with it so that a text changed meanwhile is not agreed unread.
     */
    @ModelAttribute("eserviceVersion")
    String eserviceVersion() {
        return ElectronicServiceAgreements.TERMS_VERSION;
    }

    /** That version's text, line by line (message keys). */
    @ModelAttribute("eserviceLines")
    List<String> eserviceLines() {
        return ElectronicServiceAgreements.termsLines(ElectronicServiceAgreements.TERMS_VERSION);
    }

    @GetMapping("/me/register")
    String form() {
        return "me/register";
    }

    @PostMapping("/me/register")
    String start(@RequestParam(required = false) String documentType, @RequestParam String number,
                 @RequestParam String name, @RequestParam String phone, @RequestParam String password,
                 @RequestParam(defaultValue = "false") boolean privacyConsent,
                 @RequestParam(defaultValue = "false") boolean eserviceConsent,
                 @RequestParam(defaultValue = "") String eserviceVersion,
                 HttpServletRequest request, Model model) {
        TypedRegistration typed = new TypedRegistration(documentType, number, name, phone, privacyConsent,
                eserviceConsent);
        // PIPL Art. 17, 29 (gaps review xxxi M6): the identity number is sensitive; its processing for registration needs
        // the person's separate consent to the published rules (/privacy). Asked before anything is read or counted.
        if (!privacyConsent) {
            return refused(model, new AccountProblem("PRIVACY_CONSENT_REQUIRED", DomainProblem.Kind.INVALID_INPUT,
                    "请先阅读《个人信息保护规则》，并勾选同意处理您的身份证件信息后再注册"), typed);
        }
        // Each attempt says whether a name goes with an identity number (REAL_NAME_MISMATCH, CITIZEN_EXISTS, or the
        // code page): one client may not try pairs at will. Taken before anything is checked, so that a client over
        // its limit learns nothing; an honest applicant needs a few attempts at most.
        limit.take(request.getRemoteAddr(), clock.instant());
        try {
            // 电子送达确认书 (《行政处罚法》第六十一条): optional; ticked, with the version of the text the form showed.
            UUID registration = citizens.startRegistration(documentType, number, name, phone, password,
                    eserviceConsent ? eserviceVersion : null);
            return codePage(model, registration);
        } catch (RuntimeException e) {
            if (!(e instanceof DomainProblem problem)) {
                throw e;
            }
            return refused(model, problem, typed);
        }
    }

    /**
     * The form again with the refusal beside the field it names (gaps review xxxv O2), and everything typed but the
     * password: the person does not type 18 digits again because the phone was wrong. The number comes back only into
     * its own field, on this page the person typed it on (never into an address, a log or the session).
     */
    private static String refused(Model model, DomainProblem problem, TypedRegistration typed) {
        model.addAttribute("failure", problem.getMessage());
        model.addAttribute("failureCode", problem.code());
        model.addAttribute("refusedField", RegistrationFields.of(problem.code()));
        model.addAttribute("typed", typed);
        return "me/register";
    }

    /** What a refused registration was sent with, but the password. */
    record TypedRegistration(String documentType, String number, String name, String phone, boolean privacyConsent,
                             boolean eserviceConsent) {
    }

    @PostMapping("/me/register/verify")
    String verify(@RequestParam UUID registration, @RequestParam String code, Model model,
                  RedirectAttributes redirect) {
        try {
            citizens.completeRegistration(registration, code);
            redirect.addFlashAttribute("registered", true);
            return "redirect:/me/login?registered";
        } catch (RuntimeException e) {
            if (!(e instanceof DomainProblem problem)) {
                throw e;
            }
            return codePageRefused(model, registration, problem);
        }
    }

    /**
     * 重新发送验证码 (gaps review xxxv O6): a new code to the phone of the registration, without the form typed again;
     * within the one text a minute to a phone, refused with the wait. Counted against the address's registration
     * attempts as a new registration is.
     */
    @PostMapping("/me/register/resend")
    String resend(@RequestParam UUID registration, HttpServletRequest request, Model model) {
        limit.take(request.getRemoteAddr(), clock.instant());
        try {
            citizens.resendRegistrationCode(registration);
            model.addAttribute("resent", true);
            return codePage(model, registration);
        } catch (RuntimeException e) {
            if (!(e instanceof DomainProblem problem)) {
                throw e;
            }
            return codePageRefused(model, registration, problem);
        }
    }

    /**
     * The code page with a refusal: a wrong or expired code, a resend too soon. A registration that is gone (completed
     * elsewhere, or removed once kept long enough after its code expired) sends the person to the form, saying so.
     */
    private String codePageRefused(Model model, UUID registration, DomainProblem problem) {
        model.addAttribute("failure", problem.getMessage());
        model.addAttribute("failureCode", problem.code());
        if (problem instanceof CitizenAccounts.TextTooSoon tooSoon) {
            model.addAttribute("resendWait", tooSoon.waitSeconds());
        } else if (problem.code().startsWith("CODE_")) {
            model.addAttribute("refusedField", "code");
        }
        if (citizens.registrationCode(registration).isEmpty()) {
            model.addAttribute("failure", "注册申请已过期，请重新填写注册信息");
            model.addAttribute("failureCode", "REGISTRATION_EXPIRED");
            model.asMap().remove("refusedField");
            return "me/register";
        }
        return codePage(model, registration);
    }

    /** The code page: where the code went, until when it may be typed (a clock time), and the resend button. */
    private String codePage(Model model, UUID registration) {
        model.addAttribute("registration", registration);
        citizens.registrationCode(registration).ifPresent(state -> {
            model.addAttribute("codeState", state);
            if (state.answerable()) {
                model.addAttribute("codeExpiry", CodeExpiry.of(state.expiresAt(), clock));
            }
        });
        return "me/register-verify";
    }
}

package cn.chengxin.account.web;

import java.util.UUID;

import cn.chengxin.account.Department;
import cn.chengxin.account.StaffDirectory;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.shared.security.RequiresPermission;
import cn.chengxin.shared.web.ConsoleActions;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 用户管理 for the system administrator: create, enable or disable, reset password or authenticator, register the
 * holder's identity number for recusal.
 */
@Controller
@RequiresPermission(Permission.ACCOUNT_USER_MANAGE)
class UsersConsole {

    private final StaffDirectory directory;
    private final java.time.Clock clock;
    private final cn.chengxin.account.domain.Dormancy dormancy;
    private final cn.chengxin.account.NoticeTexts texts;

    UsersConsole(StaffDirectory directory, java.time.Clock clock,
                 cn.chengxin.account.domain.Dormancy dormancy, cn.chengxin.account.NoticeTexts texts) {
        this.directory = directory;
        this.clock = clock;
        this.dormancy = dormancy;
        this.texts = texts;
    }

    @GetMapping("/console/users")
    String list(Model model, java.util.Locale locale) {
        model.addAttribute("users", directory.users());
        // Users carry their roles' Chinese names; an English reader sees each role as the roles page names it.
        java.util.Map<String, String> roleNames = new java.util.HashMap<>();
        directory.roles().forEach(r -> roleNames.put(r.name(), r.nameIn(locale)));
        model.addAttribute("roleNames", roleNames);
        model.addAttribute("resettable", directory.resettableByCurrentAdmin());
        // New users only in departments the city has (gaps review xliii X11: one marked 未设立 takes none).
        model.addAttribute("departments", directory.departments().stream().filter(Department::active).toList());
        java.time.Instant now = clock.instant();
        model.addAttribute("now", now);
        // GB/T 22239-2019 §8.1.4.2 c) 应及时删除或停用多余的、过期的账户: the administrator sees who stopped signing in.
        model.addAttribute("dormantBefore", dormancy.flagCutoff(now));
        model.addAttribute("dormantDays", dormancy.flagAfter().toDays());
        model.addAttribute("disableDays", dormancy.disableAfter().toDays());
        model.addAttribute("zone", clock.getZone());
        // Gaps review xxxiii N6/N8: texts that are not going out are seen here too, not only by a scrape.
        model.addAttribute("texts", texts.figures());
        return "console/users";
    }

    @PostMapping("/console/users")
    String create(@RequestParam String username, @RequestParam String displayName, @RequestParam UUID departmentId,
                  @RequestParam String password, @RequestParam(defaultValue = "") String identityNumber,
                  RedirectAttributes redirect) {
        return outcome(redirect, "console.users.created", () ->
                directory.createUser(username, displayName, departmentId, password, identityNumber));
    }

    /** 登记身份证号: the holder's own number, so that they stand aside from cases about themselves (回避). */
    @PostMapping("/console/users/{id}/identity")
    String registerIdentity(@PathVariable UUID id, @RequestParam String identityNumber, RedirectAttributes redirect) {
        return outcome(redirect, "console.users.identityRegistered",
                () -> directory.registerIdentity(id, identityNumber));
    }

    @PostMapping("/console/users/{id}/enabled")
    String enable(@PathVariable UUID id, @RequestParam boolean enabled, RedirectAttributes redirect) {
        return outcome(redirect, "console.saved", () -> directory.setEnabled(id, enabled));
    }

    @PostMapping("/console/users/{id}/second-factor/reset")
    String resetSecondFactor(@PathVariable UUID id, RedirectAttributes redirect) {
        return outcome(redirect, "console.users.secondFactorReset", () -> directory.resetSecondFactor(id));
    }

    /**
     * A temporary password typed by the administrator, or made up by the platform ({@code generate}) and then shown
     * once, on the page this redirects to (a flash attribute: gone at the next load).
     */
    @PostMapping("/console/users/{id}/password")
    String resetPassword(@PathVariable UUID id, @RequestParam(defaultValue = "") String password,
                         @RequestParam(defaultValue = "false") boolean generate, RedirectAttributes redirect) {
        if (!generate) {
            return outcome(redirect, "console.users.passwordReset", () -> directory.resetPassword(id, password));
        }
        return outcome(redirect, "console.users.passwordGenerated", () -> {
            redirect.addFlashAttribute("generatedPassword", directory.resetPasswordToGenerated(id));
            redirect.addFlashAttribute("generatedFor", id);
        });
    }

    static String outcome(RedirectAttributes redirect, String successKey, Runnable action) {
        return outcome(redirect, successKey, action, "redirect:/console/users");
    }

    /** Runs the action; a refused one shows its reason on the page it came from instead of an error page. */
    static String outcome(RedirectAttributes redirect, String successKey, Runnable action, String back) {
        ConsoleActions.flash(redirect, successKey, action);
        return back;
    }
}

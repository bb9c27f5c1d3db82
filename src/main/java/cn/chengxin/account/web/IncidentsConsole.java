package cn.chengxin.account.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import cn.chengxin.account.BreachNotices;
import cn.chengxin.audit.AuditLog;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.shared.security.RequiresPermission;
import cn.chengxin.shared.web.ConsoleActions;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 安全事件 in the console (PIPL Art. 57; gaps review xlvi AA8): the security administrator (account:role:manage, the
 * 安全管理员 of 三员分立, who keeps accounts, roles and the violation register) opens an incident, uploads the identity
 * numbers of the persons concerned and sees only how many were found; another security administrator approves the
 * notice; then it is sent ({@link BreachNotices}). No number is ever shown.
 */
@Controller
@RequiresPermission(Permission.ACCOUNT_ROLE_MANAGE)
class IncidentsConsole {

    static final String PAGE = "/console/incidents";

    /** The times typed in the console are the office's, in Beijing time. */
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private final BreachNotices incidents;

    IncidentsConsole(BreachNotices incidents) {
        this.incidents = incidents;
    }

    @GetMapping(PAGE)
    String page(Model model) {
        model.addAttribute("incidents", incidents.incidents());
        model.addAttribute("me", AuditLog.currentActor().actorId());
        return "console/incidents";
    }

    @PostMapping(PAGE)
    String open(@RequestParam(defaultValue = "") String categories, @RequestParam(defaultValue = "") String cause,
                @RequestParam(defaultValue = "") String harm, @RequestParam(defaultValue = "") String remedies,
                @RequestParam(defaultValue = "") String personCanDo, @RequestParam(defaultValue = "") String contact,
                @RequestParam(defaultValue = "") String foundAt, @RequestParam(defaultValue = "") String reportedAt,
                @RequestParam(defaultValue = "") String reportedTo, RedirectAttributes redirect) {
        ConsoleActions.flash(redirect, "incidents.opened", () -> incidents.open(new BreachNotices.Opening(categories,
                cause, harm, remedies, personCanDo, contact, beijing(foundAt), beijing(reportedAt), reportedTo)));
        return "redirect:" + PAGE;
    }

    @PostMapping(PAGE + "/{id}/persons")
    String persons(@PathVariable UUID id, @RequestParam(name = "file", required = false) MultipartFile file,
                   RedirectAttributes redirect) {
        ConsoleActions.flash(redirect, "incidents.uploaded", () -> {
            try (InputStream in = file == null || file.isEmpty() ? null : file.getInputStream()) {
                BreachNotices.Upload upload = incidents.addPersons(id, in);
                redirect.addFlashAttribute("upload", upload);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return "redirect:" + PAGE;
    }

    @PostMapping(PAGE + "/{id}/approve")
    String approve(@PathVariable UUID id, RedirectAttributes redirect) {
        ConsoleActions.flash(redirect, "incidents.approved", () -> incidents.approve(id));
        return "redirect:" + PAGE;
    }

    @PostMapping(PAGE + "/{id}/send")
    String send(@PathVariable UUID id, RedirectAttributes redirect) {
        ConsoleActions.flash(redirect, "incidents.sent",
                () -> redirect.addFlashAttribute("sent", incidents.send(id)));
        return "redirect:" + PAGE;
    }

    /** A time as a datetime-local field sends it ("2026-12-08T09:30"), or null when none or none such was typed. */
    private static Instant beijing(String typed) {
        try {
            return LocalDateTime.parse(typed.strip()).atZone(BEIJING).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
